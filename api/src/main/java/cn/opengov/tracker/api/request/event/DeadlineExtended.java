package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 延期 approved (条例第三十三条). {@code approvedBy}: the head of the disclosure office who consented (name and
 * title); null in events recorded before it was asked, which the detail flags as missing.
 */
public record DeadlineExtended(UUID requestId, LocalDate approvedOn, int workingDays, String reason, String approvedBy)
        implements RequestEvent {

    public DeadlineExtended(UUID requestId, LocalDate approvedOn, int workingDays, String reason) {
        this(requestId, approvedOn, workingDays, reason, null);
    }

    @Override
    public String label() {
        return "延长答复期限";
    }

    @Override
    public LocalDate occurredOn() {
        return approvedOn;
    }
}
