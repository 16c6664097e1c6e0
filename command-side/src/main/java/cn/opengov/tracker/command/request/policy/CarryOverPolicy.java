package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.report.CarryOver;
import cn.opengov.tracker.api.request.state.RequestState;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SPEC §4: a request is carried over from every closed year on whose 31 December it was open ({@link CarryOver}),
 * and from no other.
 */
public final class CarryOverPolicy {

    private CarryOverPolicy() {
    }

    /** The years a request should be carried from, given that every year up to {@code closedThrough} is closed. */
    public static SortedSet<Integer> yearsToCarryFrom(LocalDate receivedOn, LocalDate answeredOn, Integer closedThrough) {
        return closedThrough == null ? new TreeSet<>() : CarryOver.yearsOpenAtEnd(receivedOn, answeredOn, closedThrough);
    }

    /**
     * What makes the request's carry-overs agree with its dates now. A year it was already carried from counts as
     * closed, even if the caller read the closed years before that close committed.
     */
    public static Reconciliation reconcile(RequestState state, Integer closedThrough) {
        Integer through = closedThrough;
        Integer lastCarried = state.lastCarriedFrom().orElse(null);
        if (lastCarried != null && (through == null || lastCarried > through)) {
            through = lastCarried;
        }
        SortedSet<Integer> wanted = yearsToCarryFrom(state.receivedOn(), state.answeredOn(), through);
        List<Integer> revoke = state.carriedFrom().stream().filter(year -> !wanted.contains(year)).toList();
        List<Integer> carry = wanted.stream().filter(year -> !state.carriedFrom().contains(year)).toList();
        return new Reconciliation(revoke, carry);
    }

    /** The carry-overs to revoke and those to record, each in year order. */
    public record Reconciliation(List<Integer> revoke, List<Integer> carry) {
    }
}
