package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.RequestState;
import cn.opengov.tracker.query.projection.TallyDeltas;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;

/**
 * Keeps the section 三 tallies. A request counts once in {@code matrix_tally} and once in {@code carry_tally}
 * per year it was carried from; a change moves it from the cells of its old state to those of its new one, so
 * reclassifications and corrections need no special case. A batch's moves are summed and written once per
 * key, in key order, to rows of its own segment: segments never wait on each other's locks.
 */
@Component
public class MatrixTallyWriter implements ReadModelWriter {

    private final JdbcTemplate jdbc;

    public MatrixTallyWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Batch newBatch(int segment) {
        TallyDeltas<TallyKey> tally = new TallyDeltas<>();
        TallyDeltas<CarryKey> carry = new TallyDeltas<>();
        return new Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
                if (before != null) {
                    count(before, -1, tally, carry);
                }
                count(after, 1, tally, carry);
            }

            @Override
            public void flush() {
                tally.flush(jdbc, "INSERT INTO matrix_tally (agency_code, applicant_type, received_year, answered_year, outcome, segment, n) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_code, received_year, answered_year, applicant_type, outcome, segment) "
                                + "DO UPDATE SET n = matrix_tally.n + EXCLUDED.n",
                        k -> new Object[] {k.agencyCode(), k.applicantType(), k.receivedYear(), k.answeredYear(), k.outcome()}, segment);
                carry.flush(jdbc, "INSERT INTO carry_tally (agency_code, from_year, applicant_type, segment, n) VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT (agency_code, from_year, applicant_type, segment) DO UPDATE SET n = carry_tally.n + EXCLUDED.n",
                        k -> new Object[] {k.agencyCode(), k.fromYear(), k.applicantType()}, segment);
            }
        };
    }

    /** In a bulk rebuild the tallies are summed at the end, from the rows of request_view. */
    @Override
    public Batch newRebuildBatch() {
        return IGNORED;
    }

    /**
     * The tallies are request_view grouped by their keys (the columns {@link #count} reads, one for one): one
     * aggregate over the finished rows instead of a delta per request, which is where a rebuild spent its time.
     */
    @Override
    public void rebuildFinished() {
        jdbc.update("INSERT INTO matrix_tally (agency_code, applicant_type, received_year, answered_year, outcome, segment, n) "
                + "SELECT agency_code, applicant_type, extract(year FROM received_on)::int, "
                + "coalesce(extract(year FROM answered_on)::int, 0), coalesce(outcome, ''), 0, count(*) "
                + "FROM request_view GROUP BY 1, 2, 3, 4, 5");
        jdbc.update("INSERT INTO carry_tally (agency_code, from_year, applicant_type, segment, n) "
                + "SELECT agency_code, from_year, applicant_type, 0, count(*) "
                + "FROM request_view, unnest(carried_from) AS from_year GROUP BY 1, 2, 3");
    }

    private static final Batch IGNORED = new Batch() {
        @Override
        public void changed(RequestState before, RequestState after) {
        }

        @Override
        public void flush() {
        }
    };

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE matrix_tally, carry_tally");
    }

    private static void count(RequestState s, long sign, TallyDeltas<TallyKey> tally, TallyDeltas<CarryKey> carry) {
        String type = s.applicantType().name();
        TallyKey key = new TallyKey(s.agencyCode(), s.receivedOn().getYear(),
                s.answeredOn() == null ? 0 : s.answeredOn().getYear(), type, s.outcome() == null ? "" : s.outcome().name());
        tally.add(key, sign);
        for (int year : s.carriedFrom()) {
            carry.add(new CarryKey(s.agencyCode(), year, type), sign);
        }
    }

    /** The primary key of matrix_tally, ordered as the key is. */
    record TallyKey(String agencyCode, int receivedYear, int answeredYear, String applicantType, String outcome)
            implements Comparable<TallyKey> {
        private static final Comparator<TallyKey> ORDER = Comparator.comparing(TallyKey::agencyCode)
                .thenComparingInt(TallyKey::receivedYear).thenComparingInt(TallyKey::answeredYear)
                .thenComparing(TallyKey::applicantType).thenComparing(TallyKey::outcome);

        @Override
        public int compareTo(TallyKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** The primary key of carry_tally, ordered as the key is. */
    record CarryKey(String agencyCode, int fromYear, String applicantType) implements Comparable<CarryKey> {
        private static final Comparator<CarryKey> ORDER = Comparator.comparing(CarryKey::agencyCode)
                .thenComparingInt(CarryKey::fromYear).thenComparing(CarryKey::applicantType);

        @Override
        public int compareTo(CarryKey o) {
            return ORDER.compare(this, o);
        }
    }
}
