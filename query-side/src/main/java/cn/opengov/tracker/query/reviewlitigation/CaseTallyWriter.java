package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.query.projection.CaseState;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.RequestState;
import cn.opengov.tracker.query.projection.TallyDeltas;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;

/** Keeps the section 四 tally: each case once, under its agency, kind, year filed, year decided and result. */
@Component
public class CaseTallyWriter implements ReadModelWriter {

    private final JdbcTemplate jdbc;

    public CaseTallyWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Batch newBatch(int segment) {
        TallyDeltas<CaseKey> tally = new TallyDeltas<>();
        return new Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
                if (before != null) {
                    count(before, -1, tally);
                }
                count(after, 1, tally);
            }

            @Override
            public void flush() {
                tally.flush(jdbc, "INSERT INTO case_tally (agency_code, kind, filed_year, decided_year, result, segment, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (agency_code, kind, filed_year, decided_year, result, segment) DO UPDATE SET n = case_tally.n + EXCLUDED.n",
                        k -> new Object[] {k.agencyCode(), k.kind(), k.filedYear(), k.decidedYear(), k.result()}, segment);
            }
        };
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE case_tally");
    }

    private static void count(RequestState s, long sign, TallyDeltas<CaseKey> tally) {
        for (CaseState c : s.cases()) {
            tally.add(new CaseKey(s.agencyCode(), c.kind().name(), c.filedOn().getYear(),
                    c.decidedOn() == null ? 0 : c.decidedOn().getYear(), c.result() == null ? "" : c.result().name()), sign);
        }
    }

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
