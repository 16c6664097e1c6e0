package cn.opengov.tracker.query.fees;

import cn.opengov.tracker.api.fee.FeeFigures;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/** Section 六's fee figures of any agency (or tree) and year, summed from {@code fee_tally} (SPEC §2b). */
@Component
public class FeeQueries {

    private final JdbcTemplate jdbc;

    public FeeQueries(ReplicaReads reads) {
        this.jdbc = reads.jdbc();
    }

    public FeeFigures figures(int year, List<String> agencyCodes) {
        long[] counts = new long[2];
        long[] fen = new long[2];
        jdbc.query("""
                SELECT kind, sum(n), sum(n * amount_fen) FROM fee_tally
                WHERE agency_code = ANY(?) AND year = ? GROUP BY kind""", rs -> {
            int i = FeeTallyWriter.NOTICE.equals(rs.getString(1)) ? 0 : 1;
            counts[i] = rs.getLong(2);
            fen[i] = rs.getLong(3);
        }, agencyCodes.toArray(String[]::new), year);
        return new FeeFigures(counts[0], BigDecimal.valueOf(fen[0], 2), counts[1], BigDecimal.valueOf(fen[1], 2));
    }
}
