package cn.opengov.tracker.query.calendar;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar (SPEC §3): WD(from, days), and which years' notices are loaded. */
@RestController
public class CalendarQueryController {

    private static final int MAX_DAYS = 1000;

    private final CalendarStore calendars;

    public CalendarQueryController(CalendarStore calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/api/calendar/working-days")
    public WorkingDays workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw RuleViolation.ofField("days", Rule.INVALID_VALUE, "days 须在0至" + MAX_DAYS + "之间");
        }
        LocalDate date;
        try {
            date = calendars.current().plusWorkingDays(from, days);
        } catch (CalendarNotLoadedException e) {
            throw RuleViolation.ofField("days", Rule.INVALID_VALUE, e.getMessage());
        }
        return new WorkingDays(from, days, date);
    }

    /** WD(from, days): the day {@code days} working days after {@code from}. */
    public record WorkingDays(LocalDate from, int days, LocalDate date) {
    }

    @GetMapping("/api/calendar/years")
    public List<CalendarStore.YearInfo> years() {
        return calendars.years();
    }
}
