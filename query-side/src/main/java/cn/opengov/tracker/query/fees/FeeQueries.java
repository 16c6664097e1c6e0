package cn.opengov.tracker.query.fees;

import cn.opengov.tracker.api.fee.FeeFigures;
import cn.opengov.tracker.query.replica.ReplicaReads;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/** Section 六's fee figures of any agency (or tree) and year, summed from {@code fee_tally} (SPEC §2b). */
@Component
public class FeeQueries {

    private final JdbcTemplate jdbc;
    private final RollUps rollUps;

    public FeeQueries(ReplicaReads reads, RollUps rollUps) {
        this.jdbc = reads.jdbc();
        this.rollUps = rollUps;
    }

    /** From the roll-up when the codes are an agency's whole tree and it is current, else agency by agency. */
    public FeeFigures figures(int year, List<String> agencyCodes) {
        return rollUps.read(agencyCodes, root -> figures("SELECT kind, sum(n), sum(n * amount_fen) FROM ("
                        + RollUpTable.FEES.subtree("kind, amount_fen, n", "year = ?") + ") t GROUP BY kind",
                        RollUpTable.subtreeArgs(root, year)))
                .orElseGet(() -> perAgency(year, agencyCodes));
    }

    /** The reference: the agencies' own tallies. */
    public FeeFigures perAgency(int year, List<String> agencyCodes) {
        return figures("""
                SELECT kind, sum(n), sum(n * amount_fen) FROM fee_tally
                WHERE agency_code = ANY(?) AND year = ? GROUP BY kind""", agencyCodes.toArray(String[]::new), year);
    }

    private FeeFigures figures(String sql, Object... args) {
        long[] counts = new long[2];
        long[] fen = new long[2];
        jdbc.query(sql, rs -> {
            int i = FeeTallyWriter.NOTICE.equals(rs.getString(1)) ? 0 : 1;
            counts[i] = rs.getLong(2);
            fen[i] = rs.getLong(3);
        }, args);
        return new FeeFigures(counts[0], BigDecimal.valueOf(fen[0], 2), counts[1], BigDecimal.valueOf(fen[1], 2));
    }
}
