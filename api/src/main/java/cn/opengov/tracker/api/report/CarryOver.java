package cn.opengov.tracker.api.report;

import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SPEC §4, 结转: a request is open on 31 December of a year when it was received by then and not answered by then,
 * judged by the dates of its steps, not by when they were logged. The one definition of it: the annual table's
 * 二 and 四, what a year close carries over, and every SQL statement that restates it (each pinned to this by a
 * test on random lifecycles) mean exactly this.
 */
public final class CarryOver {

    private CarryOver() {
    }

    public static boolean isOpenAtEndOf(int year, LocalDate receivedOn, LocalDate answeredOn) {
        return isOpenAtEndOf(year, receivedOn.getYear(), answeredOn == null ? 0 : answeredOn.getYear());
    }

    /** By years, as the tallies keep them: {@code answeredYear} 0 for a request not answered. */
    public static boolean isOpenAtEndOf(int year, int receivedYear, int answeredYear) {
        return receivedYear <= year && (answeredYear == 0 || answeredYear > year);
    }

    /** Every year up to {@code throughYear} on whose 31 December the request was open. */
    public static SortedSet<Integer> yearsOpenAtEnd(LocalDate receivedOn, LocalDate answeredOn, int throughYear) {
        SortedSet<Integer> years = new TreeSet<>();
        for (int year = receivedOn.getYear(); year <= throughYear; year++) {
            if (isOpenAtEndOf(year, receivedOn, answeredOn)) {
                years.add(year);
            }
        }
        return years;
    }
}
