package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.CarryOver;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 三 of any agency (or agency tree) and year, summed from the tallies (SPEC §4):
 * 一 the requests received in the year; 三 those answered in it, by outcome; 二 and 四 the carry-overs recorded
 * when the previous year and this year were closed. Until a year is closed its carry-over is shown as it would
 * be recorded now — the requests open on its 31 December — and the table is provisional.
 */
@Component
public class AnnualMatrixQueries {

    private final JdbcTemplate jdbc;

    public AnnualMatrixQueries(ReplicaReads reads) {
        this.jdbc = reads.jdbc();
    }

    public Matrix matrix(int year, List<String> agencyCodes) {
        String[] codes = agencyCodes.toArray(String[]::new);
        Map<String, Integer> closedThrough = closedThrough(codes);
        AnnualTable.Builder table = AnnualTable.builder(year);
        jdbc.query("""
                SELECT agency_code, applicant_type, received_year, answered_year, outcome, sum(n)
                FROM matrix_tally
                WHERE agency_code = ANY(?) AND received_year <= ? AND (answered_year = 0 OR answered_year >= ?)
                GROUP BY agency_code, applicant_type, received_year, answered_year, outcome
                HAVING sum(n) <> 0""", rs -> {
            count(table, year, closedThrough, new MatrixTallyWriter.TallyKey(rs.getString(1), rs.getInt(3), rs.getInt(4),
                    rs.getString(2), rs.getString(5)), rs.getLong(6));
        }, codes, year, year);
        jdbc.query("SELECT agency_code, from_year, applicant_type, n FROM carry_tally "
                + "WHERE agency_code = ANY(?) AND from_year IN (?, ?) AND n <> 0", rs -> {
            count(table, year, closedThrough, new MatrixTallyWriter.CarryKey(rs.getString(1), rs.getInt(2), rs.getString(3)),
                    rs.getLong(4));
        }, codes, year - 1, year);
        boolean closed = agencyCodes.stream().allMatch(code -> isClosed(closedThrough, code, year));
        return new Matrix(table.build(), closed);
    }

    /** The agency a report is asked for: a report is always of a named agency (or agency tree). */
    public static String requiredAgency(String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            throw RuleViolation.ofField("agencyCode", Rule.INVALID_VALUE, "必须指定机关 agencyCode");
        }
        return agencyCode;
    }

    /** The agencies' last closed years (absent: none closed). */
    public Map<String, Integer> closedThrough(String[] codes) {
        Map<String, Integer> closed = new HashMap<>();
        jdbc.query("SELECT agency_code, closed_through FROM year_closure WHERE agency_code = ANY(?)",
                rs -> {
                    closed.put(rs.getString(1), rs.getInt(2));
                }, (Object) codes);
        return closed;
    }

    /**
     * Where {@code n} requests of a {@code matrix_tally} key count in the year's table: 一 by the year received, the
     * outcome rows by the year answered, and — where the year is not closed — 二 and 四 by whether they were open
     * at the end of the previous year and of this one ({@link CarryOver}).
     */
    static void count(AnnualTable.Builder table, int year, Map<String, Integer> closedThrough,
                      MatrixTallyWriter.TallyKey key, long n) {
        ApplicantType type = ApplicantType.valueOf(key.applicantType());
        if (key.receivedYear() == year) {
            table.add(MatrixRow.NEW_RECEIVED, type, n);
        }
        if (key.answeredYear() == year) {
            table.add(key.outcome(), type, n);
        }
        if (!isClosed(closedThrough, key.agencyCode(), year - 1)
                && CarryOver.isOpenAtEndOf(year - 1, key.receivedYear(), key.answeredYear())) {
            table.add(MatrixRow.CARRIED_FROM_PREVIOUS, type, n);
        }
        if (!isClosed(closedThrough, key.agencyCode(), year)
                && CarryOver.isOpenAtEndOf(year, key.receivedYear(), key.answeredYear())) {
            table.add(MatrixRow.CARRIED_TO_NEXT, type, n);
        }
    }

    /** Where the year is closed, 二 and 四 are the carry-overs recorded from the previous year and from this one. */
    static void count(AnnualTable.Builder table, int year, Map<String, Integer> closedThrough,
                      MatrixTallyWriter.CarryKey key, long n) {
        ApplicantType type = ApplicantType.valueOf(key.applicantType());
        if (key.fromYear() == year - 1 && isClosed(closedThrough, key.agencyCode(), year - 1)) {
            table.add(MatrixRow.CARRIED_FROM_PREVIOUS, type, n);
        }
        if (key.fromYear() == year && isClosed(closedThrough, key.agencyCode(), year)) {
            table.add(MatrixRow.CARRIED_TO_NEXT, type, n);
        }
    }

    static boolean isClosed(Map<String, Integer> closedThrough, String agency, int year) {
        Integer through = closedThrough.get(agency);
        return through != null && through >= year;
    }

    /** A derived table and whether every agency in it has closed the year. */
    public record Matrix(AnnualTable table, boolean closed) {
    }
}
