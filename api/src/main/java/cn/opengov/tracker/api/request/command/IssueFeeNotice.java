package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.FeeBasis;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Notify the applicant of an information processing fee (国办函〔2020〕109号). {@code deliveredOn}: when the applicant
 * received the notice, if known. With a {@code basis}: {@code quantity} is the 件数 of this application (按件,
 * default 1) or its 页数 (按量, required); {@code earlierRequestsThisMonth} the number of the same applicant's requests
 * to the agency received earlier in the same calendar month (按件 only, looked up by the command side), from which
 * the aggregate proposes the amount; {@code overrideReason} why the amount differs from the proposal.
 */
public record IssueFeeNotice(@TargetAggregateIdentifier UUID requestId, LocalDate noticeOn, BigDecimal amountYuan,
                             LocalDate deliveredOn, FeeBasis basis, Integer quantity, Integer earlierRequestsThisMonth,
                             String overrideReason) {

    public IssueFeeNotice(UUID requestId, LocalDate noticeOn, BigDecimal amountYuan) {
        this(requestId, noticeOn, amountYuan, null, null, null, null, null);
    }
}
