package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** The bundled calendar, with "today" fixed for the test. */
public record FixedLegalCalendar(LocalDate today) implements LegalCalendar {

    private static final WorkingDayCalendar BUNDLED = HolidayNotices.bundledCalendar();

    public static FixedLegalCalendar on(String isoDate) {
        return new FixedLegalCalendar(LocalDate.parse(isoDate));
    }

    @Override
    public WorkingDayCalendar workingDays() {
        return BUNDLED;
    }
}
