package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
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
 * not show. A line with a consultation or fee notice open is also read from its timeline: a consultation stops the
 * clock only until its reply limit (SPEC §2b), so whether it is suspended depends on the day.
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
        return board(agencyCode, includeSubAgencies, asOf, states, null);
    }

    /**
     * @param asOf     null for today
     * @param states   null or empty for every state
     * @param assignee the 承办人's username; null or blank for every request
     */
    public DeadlineBoard board(String agencyCode, boolean includeSubAgencies, LocalDate asOf, List<BoardState> states,
                               String assignee) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        WorkingDayCalendar calendar = calendars.current();
        boolean byAssignee = assignee != null && !assignee.isBlank();
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                        + " FROM deadline_board WHERE agency_code = ANY(?) AND received_on <= ?"
                        + (byAssignee ? " AND assignee = ?" : ""),
                DeadlineBoardWriter.ROW, byAssignee ? new Object[] {codes.toArray(String[]::new), day, assignee.strip()}
                        : new Object[] {codes.toArray(String[]::new), day});
        List<DeadlineBoard.BoardItem> items = items(rows, day, calendar, states);
        return new DeadlineBoard(day, items);
    }

    /**
     * Every agency's unanswered requests received by {@code day}, soonest due first, with no user's scope: for the
     * reminders (期限提醒), which run for every user at once.
     */
    public List<DeadlineBoard.BoardItem> everyAgency(LocalDate day) {
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                + " FROM deadline_board WHERE received_on <= ?", DeadlineBoardWriter.ROW, day);
        return items(rows, day, calendars.current(), null);
    }

    private static List<DeadlineBoard.BoardItem> items(List<BoardRow> rows, LocalDate day, WorkingDayCalendar calendar,
                                                       List<BoardState> states) {
        List<DeadlineBoard.BoardItem> items = new ArrayList<>(rows.size());
        for (BoardRow row : rows) {
            BoardStatus status = row.storedStateHoldsOn(day)
                    ? BoardStatus.of(row.phase(), row.answerDueOn(), day, calendar)
                    : BoardStatus.of(row.timeline(), day, calendar);
            if (states != null && !states.isEmpty() && !states.contains(status.state())) {
                continue;
            }
            items.add(new DeadlineBoard.BoardItem(row.requestId(), row.trackingNo(), row.agencyCode(), row.applicantName(),
                    row.receivedOn(), status.state(), status.state().label(), status.answerDueOn(),
                    status.workingDaysLeft(), row.correctionNoticeDueOn(), status.consultationOverdue(), row.assignee(),
                    row.timeline().ruleSet().code(), row.timeline().correctionNoticeOn(),
                    row.timeline().isAwaitingCorrection() ? row.timeline().correctionApplicantDueOn() : null,
                    status.state() == BoardState.CALENDAR_NOT_LOADED ? missingYear(calendar, day) : null,
                    openReplyDue(row.timeline(), calendar)));
        }
        items.sort(SOONEST_DUE);
        return items;
    }

    /** The first year after {@code day}'s whose holiday notice is not loaded: what a CALENDAR_NOT_LOADED deadline waits for. */
    static Integer missingYear(WorkingDayCalendar calendar, LocalDate day) {
        int year = day.getYear();
        while (calendar.isLoaded(year) && year < day.getYear() + 5) {
            year++;
        }
        return year;
    }

    /** The latest reply limit of the consultations still open, or null (none open, or the calendar not reaching it). */
    static LocalDate openReplyDue(RequestTimeline t, WorkingDayCalendar calendar) {
        LocalDate latest = null;
        for (Pause p : t.consultations()) {
            if (!p.isOpen()) {
                continue;
            }
            try {
                LocalDate due = Deadlines.replyDueOn(p, t.ruleSet(), calendar);
                if (due != null && (latest == null || due.isAfter(latest))) {
                    latest = due;
                }
            } catch (CalendarNotLoadedException e) {
                return null;
            }
        }
        return latest;
    }
}
