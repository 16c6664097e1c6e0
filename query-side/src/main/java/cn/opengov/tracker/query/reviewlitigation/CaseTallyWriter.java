package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.Tally;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;

/** Keeps the section 四 tally: each case once, under its agency, kind, year filed, year decided and result. */
@Component
public class CaseTallyWriter implements ReadModelWriter {

    private final JdbcTemplate jdbc;
    private final RollUps rollUps;

    public CaseTallyWriter(JdbcTemplate jdbc, RollUps rollUps) {
        this.jdbc = jdbc;
        this.rollUps = rollUps;
    }

    /** The tally and its roll-up per ancestor ({@link RollUps}). */
    @Override
    public Batch newBatch(int segment) {
        return rollUps.batch(segment, RollUpTable.CASES.of(CASES));
    }

    /** In a bulk rebuild the tally alone: the roll-up is summed from it once the rebuild is done. */
    @Override
    public Batch newRebuildBatch() {
        return Tally.batch(jdbc, 0, CASES);
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE case_tally");
    }

    /** One count per case: under the request's agency, the case's kind, years filed and decided (0: pending), result. */
    static final Tally<CaseKey> CASES = new Tally<>(
            "INSERT INTO case_tally (agency_code, kind, filed_year, decided_year, result, segment, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (agency_code, kind, filed_year, decided_year, result, segment) DO UPDATE SET n = case_tally.n + EXCLUDED.n",
            s -> s.cases().stream().map(c -> new CaseKey(s.agencyCode(), c.kind().name(), c.filedOn().getYear(),
                    c.decidedOn() == null ? 0 : c.decidedOn().getYear(), c.result() == null ? "" : c.result().name())).toList(),
            k -> new Object[] {k.agencyCode(), k.kind(), k.filedYear(), k.decidedYear(), k.result()});

    /** The primary key of case_tally, ordered as the key is. */
    record CaseKey(String agencyCode, String kind, int filedYear, int decidedYear, String result) implements Comparable<CaseKey> {
        private static final Comparator<CaseKey> ORDER = Comparator.comparing(CaseKey::agencyCode)
                .thenComparing(CaseKey::kind).thenComparingInt(CaseKey::filedYear)
                .thenComparingInt(CaseKey::decidedYear).thenComparing(CaseKey::result);

        @Override
        public int compareTo(CaseKey o) {
            return ORDER.compare(this, o);
        }
    }
}
