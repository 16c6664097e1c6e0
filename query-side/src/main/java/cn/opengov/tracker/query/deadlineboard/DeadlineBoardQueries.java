package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.deadline.BoardStatus;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deadline board of an agency (and, when asked, its sub-agencies) as of any date. Due dates come stored; per
 * line only the working days left are counted, in O(1). A line whose steps are all on or before {@code asOf} uses
 * the stored dates; for an earlier {@code asOf} its timeline is replayed up to that day, so steps taken later do
 * not show.
 */
@Component
public class DeadlineBoardQueries {

    private static final Comparator<DeadlineBoard.BoardItem> SOONEST_DUE = Comparator
            .comparing(DeadlineBoard.BoardItem::answerDueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DeadlineBoard.BoardItem::receivedOn)
            .thenComparing(DeadlineBoard.BoardItem::trackingNo);

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final CalendarStore calendars;
    private final Clock clock;

    public DeadlineBoardQueries(JdbcTemplate jdbc, AgencyScope scope, CalendarStore calendars, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * @param asOf   null for today
     * @param states null or empty for every state
     */
    public DeadlineBoard board(String agencyCode, boolean includeSubAgencies, LocalDate asOf, List<BoardState> states) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        WorkingDayCalendar calendar = calendars.current();
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                        + " FROM deadline_board WHERE agency_code = ANY(?) AND received_on <= ?",
                DeadlineBoardWriter.ROW, codes.toArray(String[]::new), day);
        List<DeadlineBoard.BoardItem> items = new ArrayList<>(rows.size());
        for (BoardRow row : rows) {
            BoardStatus status = day.isBefore(row.lastStepOn())
                    ? BoardStatus.of(row.timeline(), day, calendar)
                    : BoardStatus.of(row.phase(), row.answerDueOn(), day, calendar);
            if (states != null && !states.isEmpty() && !states.contains(status.state())) {
                continue;
            }
            items.add(new DeadlineBoard.BoardItem(row.requestId(), row.trackingNo(), row.agencyCode(), row.applicantName(),
                    row.receivedOn(), status.state(), status.state().label(), status.answerDueOn(),
                    status.workingDaysLeft(), row.correctionNoticeDueOn()));
        }
        items.sort(SOONEST_DUE);
        return new DeadlineBoard(day, items);
    }
}
