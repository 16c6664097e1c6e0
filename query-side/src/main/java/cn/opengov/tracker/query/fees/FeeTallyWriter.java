package cn.opengov.tracker.query.fees;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.request.state.FeeNotice;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.Tally;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps {@code fee_tally}, section 六's fee figures pre-aggregated ({@link cn.opengov.tracker.api.fee.FeeFigures}
 * says what counts): a fee notice once under the year it was issued, and once paid under the year it was paid, each
 * with its amount. {@link Tally} moves a request's counts when it changes, and the bulk rebuild feeds it like any
 * batch.
 */
@Component
public class FeeTallyWriter implements ReadModelWriter {

    static final String NOTICE = "NOTICE";
    static final String PAID = "PAID";

    private final JdbcTemplate jdbc;
    private final RollUps rollUps;

    public FeeTallyWriter(JdbcTemplate jdbc, RollUps rollUps) {
        this.jdbc = jdbc;
        this.rollUps = rollUps;
    }

    /** The tally and its roll-up per ancestor ({@link RollUps}). */
    @Override
    public Batch newBatch(int segment) {
        return rollUps.batch(segment, RollUpTable.FEES.of(FEES));
    }

    /** In a bulk rebuild the tally alone: the roll-up is summed from it once the rebuild is done. */
    @Override
    public Batch newRebuildBatch() {
        return Tally.batch(jdbc, 0, FEES);
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE fee_tally");
    }

    static final Tally<FeeKey> FEES = new Tally<>(
            "INSERT INTO fee_tally (agency_code, year, kind, amount_fen, segment, n) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (agency_code, year, kind, amount_fen, segment) DO UPDATE SET n = fee_tally.n + EXCLUDED.n",
            FeeTallyWriter::keys,
            k -> new Object[] {k.agencyCode(), k.year(), k.kind(), k.amountFen()});

    private static List<FeeKey> keys(RequestState s) {
        Pause fee = s.timeline().feePause().orElse(null);
        FeeNotice notice = s.handling().feeNotice();
        if (fee == null || notice == null) {
            return List.of();
        }
        long fen = notice.amountYuan().movePointRight(2).longValueExact();
        List<FeeKey> keys = new ArrayList<>(2);
        keys.add(new FeeKey(s.agencyCode(), fee.from().getYear(), NOTICE, fen));
        if (fee.to() != null) {
            keys.add(new FeeKey(s.agencyCode(), fee.to().getYear(), PAID, fen));
        }
        return keys;
    }

    /** The primary key of fee_tally, ordered as the key is. */
    record FeeKey(String agencyCode, int year, String kind, long amountFen) implements Comparable<FeeKey> {
        private static final Comparator<FeeKey> ORDER = Comparator.comparing(FeeKey::agencyCode)
                .thenComparingInt(FeeKey::year).thenComparing(FeeKey::kind).thenComparingLong(FeeKey::amountFen);

        @Override
        public int compareTo(FeeKey o) {
            return ORDER.compare(this, o);
        }
    }
}
