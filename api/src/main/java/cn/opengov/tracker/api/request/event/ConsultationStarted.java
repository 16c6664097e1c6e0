package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.ConsultationKind;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 征求意见 sent (条例第三十二条、第三十四条): the clock stands still until it ends, at most until the consulted
 * party's 15-working-day reply limit counted from {@code deliveredOn} (or {@code sentOn} when not known).
 */
public record ConsultationStarted(UUID requestId, String consultationId, ConsultationKind kind, String party,
                                  LocalDate sentOn, LocalDate deliveredOn) implements RequestEvent {

    public ConsultationStarted(UUID requestId, String consultationId, ConsultationKind kind, String party, LocalDate sentOn) {
        this(requestId, consultationId, kind, party, sentOn, null);
    }

    @Override
    public String label() {
        return "征求意见";
    }

    @Override
    public LocalDate occurredOn() {
        return sentOn;
    }
}
