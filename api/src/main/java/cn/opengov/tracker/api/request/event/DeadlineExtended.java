package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** 延期 approved (条例第三十三条). */
public record DeadlineExtended(UUID requestId, LocalDate approvedOn, int workingDays, String reason) implements RequestEvent {

    @Override
    public String label() {
        return "延长答复期限";
    }

    @Override
    public LocalDate occurredOn() {
        return approvedOn;
    }
}
