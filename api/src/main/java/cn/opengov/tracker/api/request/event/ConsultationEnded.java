package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** A consultation ended. */
public record ConsultationEnded(UUID requestId, String consultationId, LocalDate endedOn) implements RequestEvent {

    @Override
    public String label() {
        return "征求意见结束";
    }

    @Override
    public LocalDate occurredOn() {
        return endedOn;
    }
}
