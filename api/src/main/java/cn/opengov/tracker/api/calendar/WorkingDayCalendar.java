package cn.opengov.tracker.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days as the law counts them (条例第三十三条 “工作日”): Monday to Friday, less the official holidays,
 * plus the weekend days that are official make-up working days. Only years whose notice is loaded can be
 * counted; anything else raises {@link CalendarNotLoadedException}.
 *
 * <p>Immutable. Counting is O(1) and adding days O(log n): a prefix sum of working days over the loaded range
 * is built once, because the deadline board counts working days for every open request on every call.
 */
public final class WorkingDayCalendar {

    private final NavigableSet<Integer> loadedYears;
    private final Map<LocalDate, Boolean> officialDays;
    private final long firstEpochDay;
    /** prefix[i] = working days among the first i days of the range. */
    private final int[] prefix;

    private WorkingDayCalendar(Collection<HolidayNotice> notices) {
        this.loadedYears = new TreeSet<>();
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (HolidayNotice notice : notices) {
            loadedYears.add(notice.year());
            for (HolidayNotice.Day day : notice.days()) {
                days.put(day.date(), day.isOffDay());
            }
        }
        this.officialDays = Map.copyOf(days);
        if (loadedYears.isEmpty()) {
            this.firstEpochDay = 0;
            this.prefix = new int[] {0};
            return;
        }
        LocalDate first = LocalDate.of(loadedYears.first(), 1, 1);
        LocalDate end = LocalDate.of(loadedYears.last() + 1, 1, 1);
        this.firstEpochDay = first.toEpochDay();
        int length = (int) (end.toEpochDay() - firstEpochDay);
        this.prefix = new int[length + 1];
        for (int i = 0; i < length; i++) {
            prefix[i + 1] = prefix[i] + (isWorkingDayUnchecked(first.plusDays(i)) ? 1 : 0);
        }
    }

    public static WorkingDayCalendar of(Collection<HolidayNotice> notices) {
        return new WorkingDayCalendar(notices);
    }

    public Set<Integer> loadedYears() {
        return Set.copyOf(loadedYears);
    }

    public boolean isLoaded(int year) {
        return loadedYears.contains(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        requireLoaded(date.getYear());
        return isWorkingDayUnchecked(date);
    }

    /** WD(d, n) of SPEC §3: the n-th working day after {@code date}, the date itself not counted. */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return date;
        }
        int from = indexAfter(date);
        int target = prefix[from] + n;
        // the smallest i with prefix[i] == target is one past the n-th working day
        int i = Arrays.binarySearch(prefix, from, prefix.length, target);
        if (i < 0) {
            throw new CalendarNotLoadedException(firstUnloadedYearAfter(date.getYear()));
        }
        while (i > from && prefix[i - 1] == target) {
            i--;
        }
        LocalDate result = LocalDate.ofEpochDay(firstEpochDay + i - 1);
        requireLoadedBetween(date, result);
        return result;
    }

    /** The number of working days in the half-open interval (from, to]; zero when to is not after from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        requireLoadedBetween(from, to);
        return prefix[indexAfter(to)] - prefix[indexAfter(from)];
    }

    /**
     * Working days from {@code asOf} to {@code due}: the count in (asOf, due], or minus the count in
     * (due, asOf] when the due date has passed (SPEC §3 {@code workingDaysLeft}).
     */
    public int workingDaysLeft(LocalDate asOf, LocalDate due) {
        return due.isBefore(asOf) ? -workingDaysBetween(due, asOf) : workingDaysBetween(asOf, due);
    }

    private boolean isWorkingDayUnchecked(LocalDate date) {
        Boolean off = officialDays.get(date);
        if (off != null) {
            return !off;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Index into {@link #prefix} of the position just after {@code date}, checked to lie in the range. */
    private int indexAfter(LocalDate date) {
        long index = date.toEpochDay() - firstEpochDay + 1;
        if (loadedYears.isEmpty() || index < 0) {
            throw new CalendarNotLoadedException(date.plusDays(1).getYear());
        }
        if (index >= prefix.length) {
            throw new CalendarNotLoadedException(firstUnloadedYearAfter(loadedYears.last()));
        }
        return (int) index;
    }

    private void requireLoaded(int year) {
        if (!loadedYears.contains(year)) {
            throw new CalendarNotLoadedException(year);
        }
    }

    /** Every day of (from, to] must lie in a loaded year. */
    private void requireLoadedBetween(LocalDate from, LocalDate to) {
        for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
            requireLoaded(year);
        }
    }

    private int firstUnloadedYearAfter(int year) {
        int y = year;
        while (loadedYears.contains(y)) {
            y++;
        }
        return y;
    }
}
