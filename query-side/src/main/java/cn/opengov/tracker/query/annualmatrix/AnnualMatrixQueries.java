package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.request.ApplicantType;
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

    public AnnualMatrixQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            String agency = rs.getString(1);
            ApplicantType type = ApplicantType.valueOf(rs.getString(2));
            int received = rs.getInt(3);
            int answered = rs.getInt(4);
            long n = rs.getLong(6);
            if (received == year) {
                table.add(MatrixRow.NEW_RECEIVED, type, n);
            }
            if (answered == year) {
                table.add(rs.getString(5), type, n);
            }
            if (!isClosed(closedThrough, agency, year - 1) && openAtEndOf(year - 1, received, answered)) {
                table.add(MatrixRow.CARRIED_FROM_PREVIOUS, type, n);
            }
            if (!isClosed(closedThrough, agency, year) && openAtEndOf(year, received, answered)) {
                table.add(MatrixRow.CARRIED_TO_NEXT, type, n);
            }
        }, codes, year, year);
        jdbc.query("SELECT agency_code, from_year, applicant_type, n FROM carry_tally "
                + "WHERE agency_code = ANY(?) AND from_year IN (?, ?) AND n <> 0", rs -> {
            String agency = rs.getString(1);
            int from = rs.getInt(2);
            ApplicantType type = ApplicantType.valueOf(rs.getString(3));
            if (from == year - 1 && isClosed(closedThrough, agency, year - 1)) {
                table.add(MatrixRow.CARRIED_FROM_PREVIOUS, type, rs.getLong(4));
            }
            if (from == year && isClosed(closedThrough, agency, year)) {
                table.add(MatrixRow.CARRIED_TO_NEXT, type, rs.getLong(4));
            }
        }, codes, year - 1, year);
        boolean closed = agencyCodes.stream().allMatch(code -> isClosed(closedThrough, code, year));
        return new Matrix(table.build(), closed);
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

    static boolean isClosed(Map<String, Integer> closedThrough, String agency, int year) {
        Integer through = closedThrough.get(agency);
        return through != null && through >= year;
    }

    static boolean openAtEndOf(int year, int receivedYear, int answeredYear) {
        return receivedYear <= year && (answeredYear == 0 || answeredYear > year);
    }

    /** A derived table and whether every agency in it has closed the year. */
    public record Matrix(AnnualTable table, boolean closed) {
    }
}
