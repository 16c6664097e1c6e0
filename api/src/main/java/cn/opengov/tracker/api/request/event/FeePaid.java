package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** The applicant paid the fee. */
public record FeePaid(UUID requestId, LocalDate paidOn) implements RequestEvent {

    @Override
    public String label() {
        return "缴纳信息处理费";
    }

    @Override
    public LocalDate occurredOn() {
        return paidOn;
    }
}
