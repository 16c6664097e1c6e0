package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.OutcomeCategory;

import java.time.LocalDate;
import java.util.UUID;

/** 答复 given, with exactly one outcome category. */
public record RequestAnswered(UUID requestId, LocalDate answeredOn, OutcomeCategory outcome, String note) implements RequestEvent {

    @Override
    public String label() {
        return "答复";
    }

    @Override
    public LocalDate occurredOn() {
        return answeredOn;
    }
}
