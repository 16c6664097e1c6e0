package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.AnswerDue;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.fee.FeeProposal;
import cn.opengov.tracker.api.fee.InformationProcessingFees;
import cn.opengov.tracker.api.request.command.IssueFeeNotice;
import cn.opengov.tracker.api.request.command.RecordFeePayment;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 国办函〔2020〕109号, 信息处理费 ({@link InformationProcessingFees}): one notice per request (so one basis, never
 * both: 第三条) of a positive amount, issued within the time limit for answering (第六条: on the due date itself
 * still, the period's last day), delivered not before it was issued, paid once, not before the notice. With a basis
 * (from 2021-01-01, when the 办法 took effect) the tiers propose an amount (第四条 按件, 第五条 按量, the latter only
 * where copies are handed over); an amount other than the proposal needs a reason.
 */
public final class FeePolicy {

    private FeePolicy() {
    }

    /** @return what the tiers proposed, or null for a notice without a basis */
    public static FeeProposal checkNotice(RequestState state, IssueFeeNotice cmd, LocalDate today, WorkingDayCalendar calendar) {
        if (state.timeline().feePause().isPresent()) {
            throw new RuleViolation(Rule.FEE_NOTICE_ALREADY_ISSUED, state.timeline().feePause().get().from());
        }
        if (cmd.amountYuan() == null || cmd.amountYuan().signum() <= 0) {
            throw RuleViolation.ofField("amountYuan", Rule.FEE_AMOUNT_NOT_POSITIVE);
        }
        Dating.step("noticeOn", "收费通知日期", cmd.noticeOn(), state.receivedOn(), today);
        if (cmd.deliveredOn() != null) {
            Dating.notInFuture("deliveredOn", "收费通知送达日期", cmd.deliveredOn(), today);
            Dating.endNotBeforeStart("收费通知送达日期", cmd.deliveredOn(), "收费通知日期", cmd.noticeOn());
        }
        Optional<AnswerDue> due = Deadlines.answerDue(state.timeline(), calendar);
        if (due.isPresent() && cmd.noticeOn().isAfter(due.get().dueOn())) {
            throw new RuleViolation(Rule.FEE_NOTICE_AFTER_DUE, due.get().dueOn(), cmd.noticeOn());
        }
        if (cmd.basis() == null) {
            if (cmd.quantity() != null) {
                throw RuleViolation.ofField("quantity", Rule.FEE_QUANTITY_INVALID, "未选择计收方式（按件或按量），不能填写数量");
            }
            return null;
        }
        return proposal(state, cmd);
    }

    private static FeeProposal proposal(RequestState state, IssueFeeNotice cmd) {
        InformationProcessingFees.notApplicable(cmd.basis(), cmd.noticeOn(), state.handling().deliveryForm()).ifPresent(v -> {
            throw v;
        });
        int counted = InformationProcessingFees.quantity(cmd.basis(), cmd.quantity(), "quantity");
        int earlier = cmd.earlierRequestsThisMonth() == null ? 0 : cmd.earlierRequestsThisMonth();
        FeeProposal proposal = InformationProcessingFees.propose(cmd.basis(), counted, earlier);
        boolean overridden = cmd.amountYuan().compareTo(proposal.amountYuan()) != 0;
        if (overridden && (cmd.overrideReason() == null || cmd.overrideReason().isBlank())) {
            throw RuleViolation.ofField("overrideReason", Rule.FEE_OVERRIDE_WITHOUT_REASON,
                    cmd.amountYuan().toPlainString(), proposal.amountYuan().toPlainString());
        }
        return proposal;
    }

    public static void checkPayment(RequestState state, RecordFeePayment cmd, LocalDate today) {
        Pause fee = state.timeline().feePause().orElseThrow(() -> new RuleViolation(Rule.NO_FEE_NOTICE));
        if (!fee.isOpen()) {
            throw new RuleViolation(Rule.FEE_ALREADY_PAID, fee.to());
        }
        Dating.notInFuture("paidOn", "缴费日期", cmd.paidOn(), today);
        Dating.endNotBeforeStart("缴费日期", cmd.paidOn(), "收费通知日期", fee.from());
    }
}
