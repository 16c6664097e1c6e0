package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.CarryOver;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.query.replica.ReplicaReads;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
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
    private final RollUps rollUps;

    public AnnualMatrixQueries(ReplicaReads reads, RollUps rollUps) {
        this.jdbc = reads.jdbc();
        this.rollUps = rollUps;
    }

    /** From the roll-ups when the codes are an agency's whole tree and they are current, else agency by agency. */
    public Matrix matrix(int year, List<String> agencyCodes) {
        return rollUps.read(agencyCodes, root -> rolledUp(year, root, agencyCodes)).orElseGet(() -> perAgency(year, agencyCodes));
    }

    /** The reference: every agency's tallies, each agency's 二 and 四 by its own closure. */
    public Matrix perAgency(int year, List<String> agencyCodes) {
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

    /**
     * The table of {@code root}'s whole tree ({@code agencyCodes}) from its roll-up and its own tallies. 一 and 三
     * never depend on a closure. 二 and 四 (carried from year {@code t}) are, agency by agency, the requests open at
     * the end of {@code t} where {@code t} is not closed, the recorded carry-over where it is: when the whole tree
     * agrees, one of the two tree-wide sums; when it is mixed, the tree-wide sum of the larger side corrected by the
     * smaller side's own tallies (tree-wide open-at-end, minus the closed agencies' open-at-end, plus their
     * carry-over; or the other way round). The same numbers as {@link #perAgency}, which RollUpsTest holds it to.
     */
    Matrix rolledUp(int year, String root, List<String> agencyCodes) {
        String[] codes = agencyCodes.toArray(String[]::new);
        Map<String, Integer> closedThrough = closedThrough(codes);
        AnnualTable.Builder table = AnnualTable.builder(year);
        long[][] openAtEnd = new long[2][ApplicantType.values().length];
        jdbc.query("SELECT applicant_type, received_year, answered_year, outcome, sum(n) FROM ("
                + RollUpTable.MATRIX.subtree("applicant_type, received_year, answered_year, outcome, n",
                        "received_year <= ? AND (answered_year = 0 OR answered_year >= ?)")
                + ") t GROUP BY applicant_type, received_year, answered_year, outcome HAVING sum(n) <> 0", rs -> {
            ApplicantType type = ApplicantType.valueOf(rs.getString(1));
            int received = rs.getInt(2);
            int answered = rs.getInt(3);
            long n = rs.getLong(5);
            if (received == year) {
                table.add(MatrixRow.NEW_RECEIVED, type, n);
            }
            if (answered == year) {
                table.add(rs.getString(4), type, n);
            }
            for (int i = 0; i < 2; i++) {
                if (CarryOver.isOpenAtEndOf(year - 1 + i, received, answered)) {
                    openAtEnd[i][type.ordinal()] += n;
                }
            }
        }, RollUpTable.subtreeArgs(root, year, year));
        for (int i = 0; i < 2; i++) {
            int from = year - 1 + i;
            List<String> closed = agencyCodes.stream().filter(c -> isClosed(closedThrough, c, from)).toList();
            List<String> open = agencyCodes.stream().filter(c -> !isClosed(closedThrough, c, from)).toList();
            long[] carried;
            if (closed.isEmpty()) {
                carried = openAtEnd[i];
            } else if (open.isEmpty()) {
                carried = carriedInTree(root, from);
            } else if (closed.size() <= open.size()) {
                carried = plus(minus(openAtEnd[i], openAtEndOf(closed, from)), carriedBy(closed, from));
            } else {
                carried = plus(minus(carriedInTree(root, from), carriedBy(open, from)), openAtEndOf(open, from));
            }
            String row = i == 0 ? MatrixRow.CARRIED_FROM_PREVIOUS : MatrixRow.CARRIED_TO_NEXT;
            for (ApplicantType type : ApplicantType.values()) {
                if (carried[type.ordinal()] != 0) {
                    table.add(row, type, carried[type.ordinal()]);
                }
            }
        }
        boolean closedYear = agencyCodes.stream().allMatch(code -> isClosed(closedThrough, code, year));
        return new Matrix(table.build(), closedYear);
    }

    /** The requests of these agencies open at the end of {@code year}, by applicant type. */
    private long[] openAtEndOf(List<String> agencyCodes, int year) {
        long[] n = new long[ApplicantType.values().length];
        jdbc.query("""
                SELECT applicant_type, received_year, answered_year, sum(n) FROM matrix_tally
                WHERE agency_code = ANY(?) AND received_year <= ? AND (answered_year = 0 OR answered_year > ?)
                GROUP BY applicant_type, received_year, answered_year""", rs -> {
            if (CarryOver.isOpenAtEndOf(year, rs.getInt(2), rs.getInt(3))) {
                n[ApplicantType.valueOf(rs.getString(1)).ordinal()] += rs.getLong(4);
            }
        }, agencyCodes.toArray(String[]::new), year, year);
        return n;
    }

    /** The carry-overs these agencies recorded from {@code year}, by applicant type. */
    private long[] carriedBy(List<String> agencyCodes, int year) {
        long[] n = new long[ApplicantType.values().length];
        jdbc.query("SELECT applicant_type, sum(n) FROM carry_tally WHERE agency_code = ANY(?) AND from_year = ? GROUP BY applicant_type",
                rs -> {
                    n[ApplicantType.valueOf(rs.getString(1)).ordinal()] += rs.getLong(2);
                }, agencyCodes.toArray(String[]::new), year);
        return n;
    }

    /** The carry-overs recorded from {@code year} in {@code root}'s whole tree: its roll-up and its own. */
    private long[] carriedInTree(String root, int year) {
        long[] n = new long[ApplicantType.values().length];
        jdbc.query("SELECT applicant_type, sum(n) FROM (" + RollUpTable.CARRY.subtree("applicant_type, n", "from_year = ?")
                + ") t GROUP BY applicant_type", rs -> {
            n[ApplicantType.valueOf(rs.getString(1)).ordinal()] += rs.getLong(2);
        }, RollUpTable.subtreeArgs(root, year));
        return n;
    }

    private static long[] plus(long[] a, long[] b) {
        long[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    private static long[] minus(long[] a, long[] b) {
        long[] difference = a.clone();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= b[i];
        }
        return difference;
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
