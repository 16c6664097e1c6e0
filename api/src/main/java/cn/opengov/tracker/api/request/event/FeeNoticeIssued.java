package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.FeeBasis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 收费通知 issued (国办函〔2020〕109号): the clock stands still until payment. The applicant's 20 working days run
 * from {@code deliveredOn} (or {@code noticeOn} when not known); {@code basis} is 按件 or 按量, null in events
 * recorded before it was asked. With a basis, {@code quantity} is what was counted (件数 or 页数),
 * {@code proposedAmountYuan} what 109号's tiers give for it, and {@code overrideReason} why the amount differs from
 * that, if it does; all null in events recorded without a basis.
 */
public record FeeNoticeIssued(UUID requestId, LocalDate noticeOn, BigDecimal amountYuan, LocalDate deliveredOn,
                              FeeBasis basis, Integer quantity, BigDecimal proposedAmountYuan, String overrideReason)
        implements RequestEvent {

    public FeeNoticeIssued(UUID requestId, LocalDate noticeOn, BigDecimal amountYuan) {
        this(requestId, noticeOn, amountYuan, null, null);
    }

    public FeeNoticeIssued(UUID requestId, LocalDate noticeOn, BigDecimal amountYuan, LocalDate deliveredOn, FeeBasis basis) {
        this(requestId, noticeOn, amountYuan, deliveredOn, basis, null, null, null);
    }

    @Override
    public String label() {
        return "发出收费通知";
    }

    @Override
    public LocalDate occurredOn() {
        return noticeOn;
    }
}
