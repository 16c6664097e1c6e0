package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.request.command.CorrectApplicantType;
import cn.opengov.tracker.api.request.command.CorrectReceiptDate;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/** 更正登记信息: a data-entry mistake is fixed by a correction that changes something and keeps the steps in order. */
public final class RecordCorrectionPolicy {

    private RecordCorrectionPolicy() {
    }

    public static void checkApplicantType(RequestState state, CorrectApplicantType cmd) {
        if (cmd.type() == state.applicantType()) {
            throw new RuleViolation(Rule.NOTHING_TO_CORRECT, "申请人类型");
        }
    }

    public static void checkReceiptDate(RequestState state, CorrectReceiptDate cmd, LocalDate today) {
        if (cmd.receivedOn().equals(state.receivedOn())) {
            throw new RuleViolation(Rule.NOTHING_TO_CORRECT, "收到申请日期");
        }
        ReceiptPolicy.check("receivedOn", cmd.receivedOn(), today);
        StepOrder.receiptNotAfterEarliestStep(state, cmd.receivedOn());
    }
}
