package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** What the request's rules need of time: today's date in China and the working-day calendar in force. */
public interface LegalCalendar {

    LocalDate today();

    WorkingDayCalendar workingDays();
}
