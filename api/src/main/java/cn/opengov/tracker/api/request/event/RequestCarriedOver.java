package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** At year close the request was still open on 31 December of {@code fromYear}: carried to the next year. */
public record RequestCarriedOver(UUID requestId, int fromYear) implements RequestEvent {

    @Override
    public String label() {
        return "结转下年度";
    }

    /** The request is counted as open on the last day of the year it is carried from. */
    @Override
    public LocalDate occurredOn() {
        return LocalDate.of(fromYear, 12, 31);
    }
}
