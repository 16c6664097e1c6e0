package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.request.command.IssueFeeNotice;
import cn.opengov.tracker.api.request.command.RecordFeePayment;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/** 国办函〔2020〕109号, 信息处理费: one notice of a positive amount, paid once, not before the notice. */
public final class FeePolicy {

    private FeePolicy() {
    }

    public static void checkNotice(RequestState state, IssueFeeNotice cmd, LocalDate today) {
        if (state.timeline().feePause().isPresent()) {
            throw new RuleViolation(Rule.FEE_NOTICE_ALREADY_ISSUED, state.timeline().feePause().get().from());
        }
        if (cmd.amountYuan() == null || cmd.amountYuan().signum() <= 0) {
            throw RuleViolation.ofField("amountYuan", Rule.FEE_AMOUNT_NOT_POSITIVE);
        }
        Dating.step("noticeOn", "收费通知日期", cmd.noticeOn(), state.receivedOn(), today);
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
