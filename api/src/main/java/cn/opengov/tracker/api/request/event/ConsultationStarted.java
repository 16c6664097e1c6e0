package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.ConsultationKind;

import java.time.LocalDate;
import java.util.UUID;

/** 征求意见 sent: the clock stands still until it ends. */
public record ConsultationStarted(UUID requestId, String consultationId, ConsultationKind kind, String party, LocalDate sentOn) implements RequestEvent {

    @Override
    public String label() {
        return "征求意见";
    }

    @Override
    public LocalDate occurredOn() {
        return sentOn;
    }
}
