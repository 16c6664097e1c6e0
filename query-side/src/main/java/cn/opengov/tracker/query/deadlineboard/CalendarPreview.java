package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.HolidayNotice;
import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.security.AgencyScope;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What loading a year's holiday notice would move, before it is loaded: every unanswered request of the user's
 * agency tree whose answer due date (or 补正告知期限) differs between the calendar in force and the one the notice
 * would give — a deadline that waits on the missing year gets its date, one counted across a changed day moves.
 * The notice is checked exactly as loading it checks it (HolidayNotices.parse).
 */
@Component
public class CalendarPreview {

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final CalendarStore calendars;

    public CalendarPreview(ReplicaReads reads, AgencyScope scope, CalendarStore calendars) {
        this.jdbc = reads.jdbc();
        this.scope = scope;
        this.calendars = calendars;
    }

    public Preview preview(int year, List<LocalDate> offDays, List<LocalDate> workDays) {
        HolidayNotice notice = notice(year, offDays, workDays);
        List<HolidayNotice> notices = new ArrayList<>(calendars.notices().stream().filter(n -> n.year() != year).toList());
        notices.add(notice);
        WorkingDayCalendar now = calendars.current();
        WorkingDayCalendar then = WorkingDayCalendar.of(notices);
        List<String> codes = scope.codesFor(scope.currentUser().agencyCode(), true);
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS + " FROM deadline_board WHERE agency_code = ANY(?)",
                DeadlineBoardWriter.ROW, (Object) codes.toArray(String[]::new));
        List<Moved> moved = new ArrayList<>();
        for (BoardRow row : rows) {
            LocalDate before = Deadlines.answerDueOrNull(row.timeline(), now);
            LocalDate after = Deadlines.answerDueOrNull(row.timeline(), then);
            if (!Objects.equals(before, after)) {
                moved.add(new Moved(row.requestId(), row.trackingNo(), row.applicantName(), "答复期限", before, after));
            }
            if (row.timeline().correctionNoticeOn() == null) {
                LocalDate noticeBefore = BoardRow.correctionNoticeDueOrNull(row.timeline(), now);
                LocalDate noticeAfter = BoardRow.correctionNoticeDueOrNull(row.timeline(), then);
                if (!Objects.equals(noticeBefore, noticeAfter)) {
                    moved.add(new Moved(row.requestId(), row.trackingNo(), row.applicantName(), "补正告知期限", noticeBefore, noticeAfter));
                }
            }
        }
        moved.sort(java.util.Comparator.comparing(Moved::trackingNo).thenComparing(Moved::deadline));
        return new Preview(year, notice.days().stream().filter(HolidayNotice.Day::isOffDay).count(),
                notice.days().stream().filter(d -> !d.isOffDay()).count(), now.isLoaded(year), moved);
    }

    /** The notice as loading would read it, so that a preview refuses what the load would refuse. */
    private static HolidayNotice notice(int year, List<LocalDate> offDays, List<LocalDate> workDays) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("year", year);
        ArrayNode days = root.putArray("days");
        (offDays == null ? List.<LocalDate>of() : offDays).forEach(d -> days.addObject().put("date", d.toString()).put("isOffDay", true));
        (workDays == null ? List.<LocalDate>of() : workDays).forEach(d -> days.addObject().put("date", d.toString()).put("isOffDay", false));
        try {
            return HolidayNotices.parse(root);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.ofField("notice", Rule.INVALID_VALUE, e.getMessage());
        }
    }

    /**
     * @param replacing whether the year is loaded already (the preview then shows what replacing it moves)
     * @param moved     each deadline that moves: {@code before} null when it waits on the missing year today
     */
    public record Preview(int year, long offDays, long workDays, boolean replacing, List<Moved> moved) {
    }

    public record Moved(UUID requestId, String trackingNo, String applicantName, String deadline, LocalDate before,
                        LocalDate after) {
    }
}
