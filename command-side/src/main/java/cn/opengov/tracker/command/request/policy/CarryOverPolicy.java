package cn.opengov.tracker.command.request.policy;

import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SPEC §4: a request is carried over from every closed year on whose 31 December it was open — received by then
 * and not answered by then — judged by the dates of its steps, not by when they were logged.
 */
public final class CarryOverPolicy {

    private CarryOverPolicy() {
    }

    /** The years a request should be carried from, given that every year up to {@code closedThrough} is closed. */
    public static SortedSet<Integer> yearsToCarryFrom(LocalDate receivedOn, LocalDate answeredOn, Integer closedThrough) {
        SortedSet<Integer> years = new TreeSet<>();
        if (closedThrough == null) {
            return years;
        }
        int lastOpenYear = answeredOn == null ? closedThrough : Math.min(closedThrough, answeredOn.getYear() - 1);
        for (int year = receivedOn.getYear(); year <= lastOpenYear; year++) {
            years.add(year);
        }
        return years;
    }
}
