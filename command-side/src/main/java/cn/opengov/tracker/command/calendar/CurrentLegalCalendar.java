package cn.opengov.tracker.command.calendar;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.command.request.LegalCalendar;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** The request's rules' time: today by the clock, and the working-day calendar as the loaded notices make it now. */
@Component
public class CurrentLegalCalendar implements LegalCalendar {

    private final Clock clock;
    private final CalendarStore calendars;

    public CurrentLegalCalendar(Clock clock, CalendarStore calendars) {
        this.clock = clock;
        this.calendars = calendars;
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public WorkingDayCalendar workingDays() {
        return calendars.current();
    }
}
