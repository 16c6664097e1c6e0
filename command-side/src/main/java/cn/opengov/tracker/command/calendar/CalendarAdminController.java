package cn.opengov.tracker.command.calendar;

import cn.opengov.tracker.api.calendar.HolidayNotice;
import cn.opengov.tracker.api.calendar.HolidayNoticeLoaded;
import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.DirectoryAudit;
import cn.opengov.tracker.platform.security.SystemAdministration;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An administrator of the top agency loads a year's State Council holiday notice (holiday-cn JSON) without a
 * release: it applies to every agency. The notice is checked whole (its dates within its year, at least one
 * holiday) before it replaces anything, stored, and announced as an event, on which the query side moves the open
 * deadlines.
 */
@RestController
@SystemAdministration
public class CalendarAdminController {

    private final CalendarStore calendars;
    private final EventGateway events;
    private final DirectoryAudit audit;

    public CalendarAdminController(CalendarStore calendars, EventGateway events, DirectoryAudit audit) {
        this.calendars = calendars;
        this.events = events;
        this.audit = audit;
    }

    @PutMapping("/api/admin/calendar/{year}")
    @Transactional
    public ResponseEntity<CalendarLoaded> load(@PathVariable int year, @RequestBody JsonNode body,
                                                    java.security.Principal user) {
        HolidayNotice notice;
        try {
            notice = HolidayNotices.parse(body);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.ofField("notice", Rule.INVALID_VALUE, e.getMessage());
        }
        if (notice.year() != year) {
            throw RuleViolation.ofField("year", Rule.INVALID_VALUE, "通知中的年份（" + notice.year() + "）与地址中的年份（" + year + "）不一致");
        }
        calendars.store(notice, user.getName());
        audit.record(user.getName(), DirectoryAudit.Action.CALENDAR_LOADED, String.valueOf(year), AgencyDirectory.TOP,
                notice.days().size() + " 天");
        events.publish(new HolidayNoticeLoaded(notice));
        return ResponseEntity.ok(new CalendarLoaded(year, notice.days().size(),
                calendars.current().loadedYears().stream().sorted().toList()));
    }

    /** The notice stored: its year, how many days it lists, and every year now loaded. */
    public record CalendarLoaded(int year, int days, List<Integer> loadedYears) {
    }
}
