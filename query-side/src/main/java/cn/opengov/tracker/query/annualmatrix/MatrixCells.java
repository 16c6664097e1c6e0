package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.query.requestdetail.RequestListItem;
import cn.opengov.tracker.query.requestdetail.RequestViewStore;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Drill-down: the requests counted in one cell of section 三, selected from {@code request_view} by the same
 * definitions the tallies count by (SPEC §4), so a cell's number and its list always agree.
 */
@Component
public class MatrixCells {

    private final JdbcTemplate jdbc;
    private final AnnualMatrixQueries matrix;
    private final CalendarStore calendars;

    public MatrixCells(ReplicaReads reads, AnnualMatrixQueries matrix, CalendarStore calendars) {
        this.jdbc = reads.jdbc();
        this.matrix = matrix;
        this.calendars = calendars;
    }

    public CellRequests cell(int year, List<String> agencyCodes, String row, String column, int page, int size) {
        if (!MatrixRow.ALL.contains(row)) {
            throw RuleViolation.ofField("row", Rule.INVALID_VALUE, "“" + row + "”不是表中的行；可选：" + String.join(", ", MatrixRow.ALL));
        }
        boolean total = MatrixRow.TOTAL.equals(column);
        if (!total && Arrays.stream(ApplicantType.values()).noneMatch(t -> t.name().equals(column))) {
            throw RuleViolation.ofField("column", Rule.INVALID_VALUE, "“" + column + "”不是表中的列；可选：申请人类型或 TOTAL");
        }
        String[] codes = agencyCodes.toArray(String[]::new);
        Map<String, Integer> closedThrough = matrix.closedThrough(codes);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE agency_code = ANY(?)");
        args.add(codes);
        if (!total) {
            where.append(" AND applicant_type = ?");
            args.add(column);
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        switch (row) {
            case MatrixRow.NEW_RECEIVED -> {
                where.append(" AND received_on BETWEEN ? AND ?");
                args.add(start);
                args.add(end);
            }
            case MatrixRow.TOTAL_PROCESSED -> {
                where.append(" AND answered_on BETWEEN ? AND ?");
                args.add(start);
                args.add(end);
            }
            case MatrixRow.CARRIED_FROM_PREVIOUS -> carried(year - 1, agencyCodes, closedThrough, where, args);
            case MatrixRow.CARRIED_TO_NEXT -> carried(year, agencyCodes, closedThrough, where, args);
            default -> {
                where.append(" AND answered_on BETWEEN ? AND ? AND outcome = ?");
                args.add(start);
                args.add(end);
                args.add(OutcomeCategory.valueOf(row).name());
            }
        }
        Long count = jdbc.queryForObject("SELECT count(*) FROM request_view" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<RequestState> items = jdbc.query("SELECT " + RequestViewStore.COLUMNS
                + " FROM request_view" + where + " ORDER BY received_on, tracking_no LIMIT ? OFFSET ?",
                RequestViewStore.STATE, args.toArray());
        return new CellRequests(year, row, column, items.stream().map(s -> RequestListItem.of(s, calendars.current())).toList(), count == null ? 0 : count);
    }

    /**
     * Carried from {@code fromYear}: the recorded carry-overs where it is closed, else those open on its 31 December
     * ({@link cn.opengov.tracker.api.report.CarryOver}, restated in SQL; AnnualMatrixProjectionTest holds the two
     * together on random lifecycles).
     */
    private static void carried(int fromYear, List<String> codes, Map<String, Integer> closedThrough,
                                StringBuilder where, List<Object> args) {
        List<String> closed = codes.stream().filter(c -> AnnualMatrixQueries.isClosed(closedThrough, c, fromYear)).toList();
        List<String> open = codes.stream().filter(c -> !AnnualMatrixQueries.isClosed(closedThrough, c, fromYear)).toList();
        LocalDate yearEnd = LocalDate.of(fromYear, 12, 31);
        where.append(" AND ((agency_code = ANY(?) AND ? = ANY(carried_from))"
                + " OR (agency_code = ANY(?) AND received_on <= ? AND (answered_on IS NULL OR answered_on > ?)))");
        args.add(closed.toArray(String[]::new));
        args.add(fromYear);
        args.add(open.toArray(String[]::new));
        args.add(yearEnd);
        args.add(yearEnd);
    }
}
