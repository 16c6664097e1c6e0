package cn.opengov.tracker.api.request.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** 收费通知 issued: the clock stands still until payment. */
public record FeeNoticeIssued(UUID requestId, LocalDate noticeOn, BigDecimal amountYuan) implements RequestEvent {

    @Override
    public String label() {
        return "发出收费通知";
    }

    @Override
    public LocalDate occurredOn() {
        return noticeOn;
    }
}
