package cn.opengov.tracker.api.calendar;

/** An administrator loaded (or replaced) a year's holiday notice; open deadlines follow it from now on. */
public record HolidayNoticeLoaded(HolidayNotice notice) {
}
