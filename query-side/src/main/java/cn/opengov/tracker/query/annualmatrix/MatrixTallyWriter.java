package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.Tally;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps the section 三 tallies: a request counts once in {@code matrix_tally} and once in {@code carry_tally} per
 * year it was carried from ({@link Tally} moves it when it changes). {@link AnnualMatrixQueries} reads them back
 * into the table.
 */
@Component
public class MatrixTallyWriter implements ReadModelWriter {

    private final JdbcTemplate jdbc;
    private final RollUps rollUps;

    public MatrixTallyWriter(JdbcTemplate jdbc, RollUps rollUps) {
        this.jdbc = jdbc;
        this.rollUps = rollUps;
    }

    /** The tallies and their roll-ups per ancestor ({@link RollUps}). */
    @Override
    public Batch newBatch(int segment) {
        return rollUps.batch(segment, RollUpTable.MATRIX.of(MATRIX), RollUpTable.CARRY.of(CARRY));
    }

    /** In a bulk rebuild the tallies are summed at the end, from the rows of request_view (and the roll-ups from them). */
    @Override
    public Batch newRebuildBatch() {
        return Batch.NOTHING;
    }

    /**
     * The tallies are request_view grouped by their keys (the columns {@link #MATRIX} and {@link #CARRY} key by, one for one): one
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

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE matrix_tally, carry_tally");
    }

    /** One count per request: under its agency, applicant type, years received and answered (0: open), outcome. */
    static final Tally<TallyKey> MATRIX = new Tally<>(
            "INSERT INTO matrix_tally (agency_code, applicant_type, received_year, answered_year, outcome, segment, n) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_code, received_year, answered_year, applicant_type, outcome, segment) "
                    + "DO UPDATE SET n = matrix_tally.n + EXCLUDED.n",
            s -> List.of(new TallyKey(s.agencyCode(), s.receivedOn().getYear(),
                    s.answeredOn() == null ? 0 : s.answeredOn().getYear(), s.applicantType().name(),
                    s.outcome() == null ? "" : s.outcome().name())),
            k -> new Object[] {k.agencyCode(), k.applicantType(), k.receivedYear(), k.answeredYear(), k.outcome()});

    /** One count per year the request was carried from. */
    static final Tally<CarryKey> CARRY = new Tally<>(
            "INSERT INTO carry_tally (agency_code, from_year, applicant_type, segment, n) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (agency_code, from_year, applicant_type, segment) DO UPDATE SET n = carry_tally.n + EXCLUDED.n",
            s -> s.carriedFrom().stream().map(year -> new CarryKey(s.agencyCode(), year, s.applicantType().name())).toList(),
            k -> new Object[] {k.agencyCode(), k.fromYear(), k.applicantType()});

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
