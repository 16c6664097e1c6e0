package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.query.projection.CaseState;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.RequestState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps the section 四 tally: each case once, under its agency, kind, year filed, year decided and result. */
@Component
public class CaseTallyWriter implements ReadModelWriter {

    private final JdbcTemplate jdbc;

    public CaseTallyWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Batch newBatch(int segment) {
        Map<CaseKey, Long> tally = new TreeMap<>();
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
                List<Object[]> rows = new ArrayList<>();
                tally.forEach((k, n) -> {
                    if (n != 0) {
                        rows.add(new Object[] {k.agencyCode(), k.kind(), k.filedYear(), k.decidedYear(), k.result(), segment, n});
                    }
                });
                if (!rows.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO case_tally (agency_code, kind, filed_year, decided_year, result, segment, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (agency_code, kind, filed_year, decided_year, result, segment) DO UPDATE SET n = case_tally.n + EXCLUDED.n", rows);
                }
            }
        };
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE case_tally");
    }

    private static void count(RequestState s, long sign, Map<CaseKey, Long> tally) {
        for (CaseState c : s.cases()) {
            tally.merge(new CaseKey(s.agencyCode(), c.kind().name(), c.filedOn().getYear(),
                    c.decidedOn() == null ? 0 : c.decidedOn().getYear(), c.result() == null ? "" : c.result().name()), sign, Long::sum);
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
