package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 延迟答复 (条例第三十五条): the number or frequency of the applicant's requests clearly exceeds a reasonable range,
 * so the agency set a later, reasonable due date {@code dueOn} and told the applicant.
 */
public record AnswerDeferred(UUID requestId, LocalDate decidedOn, LocalDate dueOn, String reason) implements RequestEvent {

    @Override
    public String label() {
        return "延迟答复";
    }

    @Override
    public LocalDate occurredOn() {
        return decidedOn;
    }
}
