package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** 补正 materials arrived; the answer clock restarts from {@code receivedOn}. */
public record CorrectionReceived(UUID requestId, LocalDate receivedOn) implements RequestEvent {

    @Override
    public String label() {
        return "收到补正材料";
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }
}
