package cn.opengov.tracker.api.fee;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.request.state.FeeNotice;
import cn.opengov.tracker.api.request.state.RequestState;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * The fee figures the annual report states (section 六, “信息处理费收取情况”; SPEC §2b): for an agency and a year, the
 * fee notices issued (noticeOn in the year) and their amount, and the fees paid (paidOn in the year) and their
 * amount, in yuan. A paid fee is the amount of its notice.
 */
public record FeeFigures(long noticesIssued, BigDecimal amountNoticedYuan, long feesPaid, BigDecimal amountPaidYuan) {

    public static final FeeFigures NONE = new FeeFigures(0, BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2));

    /** The definition: the figures of {@code year} over the requests given (those of the agency or agencies). */
    public static FeeFigures of(int year, Collection<RequestState> requests) {
        long notices = 0;
        long paid = 0;
        BigDecimal noticed = BigDecimal.ZERO;
        BigDecimal paidAmount = BigDecimal.ZERO;
        for (RequestState s : requests) {
            Pause fee = s.timeline().feePause().orElse(null);
            FeeNotice notice = s.handling().feeNotice();
            if (fee == null || notice == null) {
                continue;
            }
            if (fee.from().getYear() == year) {
                notices++;
                noticed = noticed.add(notice.amountYuan());
            }
            if (fee.to() != null && fee.to().getYear() == year) {
                paid++;
                paidAmount = paidAmount.add(notice.amountYuan());
            }
        }
        return new FeeFigures(notices, noticed.setScale(2), paid, paidAmount.setScale(2));
    }

    /** The sentence the report prints under 信息处理费收取情况. */
    public String statement(int year) {
        if (noticesIssued == 0 && feesPaid == 0) {
            return year + "年未发出信息处理费收费通知，未收取信息处理费。";
        }
        return year + "年共发出信息处理费收费通知" + noticesIssued + "件，金额" + amountNoticedYuan.toPlainString() + "元；收取信息处理费"
                + feesPaid + "件，金额" + amountPaidYuan.toPlainString() + "元。";
    }
}
