package cn.opengov.tracker.api.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();

    static Iterable<Integer> years() {
        return HolidayNotices.BUNDLED_YEARS;
    }

    /** Every day of the year classified as the State Council's notice says, and nothing else changed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void everyDayOfTheYearFollowsTheNotice(int year) {
        HolidayNotice notice = HolidayNotices.bundled().stream().filter(n -> n.year() == year).findFirst().orElseThrow();
        Map<LocalDate, Boolean> official = new HashMap<>();
        notice.days().forEach(d -> official.put(d.date(), d.isOffDay()));
        int workingDays = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = official.containsKey(d) ? !official.get(d) : !weekend;
            assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isEqualTo(expected);
            if (expected) {
                workingDays++;
            }
        }
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                .isEqualTo(workingDays);
        // a year has between 246 and 252 working days in every notice since 2008
        assertThat(workingDays).isBetween(246, 252);
    }

    @Test
    void nationalDayWeekAndItsMakeUpDaysIn2024() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 9, 29))).as("Sunday make-up day").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 10, 12))).as("Saturday make-up day").isTrue();
        for (int day = 1; day <= 7; day++) {
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 10, day))).isFalse();
        }
    }

    @Test
    void theDayItselfIsNotCounted() {
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2024, 9, 27), 1)).isEqualTo(LocalDate.of(2024, 9, 29));
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2024, 9, 27), 0)).isEqualTo(LocalDate.of(2024, 9, 27));
    }

    @Test
    void countingAndAddingAreInverse() {
        LocalDate start = LocalDate.of(2019, 1, 1);
        for (int n = 1; n < 1500; n += 37) {
            LocalDate end = CALENDAR.plusWorkingDays(start, n);
            assertThat(CALENDAR.workingDaysBetween(start, end)).isEqualTo(n);
            assertThat(CALENDAR.isWorkingDay(end)).isTrue();
        }
    }

    @Test
    void workingDaysLeftIsNegativeOnceOverdue() {
        LocalDate due = LocalDate.of(2024, 10, 30);
        assertThat(CALENDAR.workingDaysLeft(LocalDate.of(2024, 10, 30), due)).isZero();
        assertThat(CALENDAR.workingDaysLeft(LocalDate.of(2024, 10, 31), due)).isEqualTo(-1);
        assertThat(CALENDAR.workingDaysLeft(LocalDate.of(2024, 10, 29), due)).isEqualTo(1);
    }

    @Test
    void countingPastTheLoadedYearsIsAnErrorNamingTheMissingYear() {
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 20), 20))
                .isInstanceOf(CalendarNotLoadedException.class)
                .satisfies(e -> assertThat(((CalendarNotLoadedException) e).year()).isEqualTo(2027))
                .hasMessageContaining("2027年");
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2018, 6, 1)))
                .isInstanceOf(CalendarNotLoadedException.class);
    }

    @Test
    void aNewYearsNoticeExtendsTheCalendar() {
        java.util.List<HolidayNotice> notices = new java.util.ArrayList<>(HolidayNotices.bundled());
        notices.add(HolidayNotices.parse("""
                {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"""));
        WorkingDayCalendar extended = WorkingDayCalendar.of(notices);
        assertThat(extended.plusWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void aYearMissingInTheMiddleIsNotGuessed() {
        java.util.List<HolidayNotice> notices = new java.util.ArrayList<>(HolidayNotices.bundled());
        notices.add(new HolidayNotice(2028, java.util.List.of(), java.util.List.of()));
        WorkingDayCalendar gap = WorkingDayCalendar.of(notices);
        assertThatThrownBy(() -> gap.plusWorkingDays(LocalDate.of(2026, 12, 20), 20))
                .isInstanceOf(CalendarNotLoadedException.class).hasMessageContaining("2027年");
    }
}
