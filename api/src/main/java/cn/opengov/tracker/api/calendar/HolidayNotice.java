package cn.opengov.tracker.api.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's State Council notice on holidays (国务院办公厅关于某年部分节假日安排的通知), in the
 * holiday-cn JSON shape: {@code isOffDay} true is a holiday (放假), false a make-up working day (调休上班).
 */
public record HolidayNotice(int year, List<String> papers, List<Day> days) {

    public HolidayNotice {
        papers = papers == null ? List.of() : List.copyOf(papers);
        days = days == null ? List.of() : List.copyOf(days);
    }

    public record Day(String name, LocalDate date, boolean isOffDay) {
    }
}
