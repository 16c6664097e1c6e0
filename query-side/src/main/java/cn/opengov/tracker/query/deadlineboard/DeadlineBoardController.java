package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.deadline.BoardStatus;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/deadlines (API.md): the unanswered requests of an agency (and, when asked, its sub-agencies), soonest
 * due first, as of any date. Due dates come stored; per line only the working days left are counted, in O(1).
 * A line whose steps are all on or before {@code asOf} uses the stored dates; for an earlier {@code asOf} its
 * timeline is replayed up to that day, so steps taken later do not show.
 */
@RestController
public class DeadlineBoardController {

    private static final Comparator<Map<String, Object>> SOONEST_DUE = Comparator
            .comparing((Map<String, Object> m) -> (LocalDate) m.get("answerDueOn"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> (LocalDate) m.get("receivedOn"))
            .thenComparing(m -> (String) m.get("trackingNo"));

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final CalendarStore calendars;
    private final Clock clock;

    public DeadlineBoardController(JdbcTemplate jdbc, AgencyScope scope, CalendarStore calendars, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/api/deadlines")
    public Map<String, Object> board(@RequestParam(required = false) String agencyCode,
                                     @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(required = false) List<BoardState> state) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        WorkingDayCalendar calendar = calendars.current();
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                        + " FROM deadline_board WHERE agency_code = ANY(?) AND received_on <= ?",
                DeadlineBoardWriter.ROW, codes.toArray(String[]::new), day);
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (BoardRow row : rows) {
            BoardStatus status = day.isBefore(row.lastStepOn())
                    ? BoardStatus.of(row.timeline(), day, calendar)
                    : BoardStatus.of(row.phase(), row.answerDueOn(), day, calendar);
            if (state != null && !state.isEmpty() && !state.contains(status.state())) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("requestId", row.requestId());
            item.put("trackingNo", row.trackingNo());
            item.put("agencyCode", row.agencyCode());
            item.put("applicantName", row.applicantName());
            item.put("receivedOn", row.receivedOn());
            item.put("state", status.state());
            item.put("stateLabel", status.state().label());
            item.put("answerDueOn", status.answerDueOn());
            item.put("workingDaysLeft", status.workingDaysLeft());
            item.put("correctionNoticeDueOn", row.correctionNoticeDueOn());
            items.add(item);
        }
        items.sort(SOONEST_DUE);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", day);
        answer.put("items", items);
        return answer;
    }
}
