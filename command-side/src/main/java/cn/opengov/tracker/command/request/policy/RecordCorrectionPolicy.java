package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.deadline.RuleSet;
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
        keepsTheStepsLawful(state, RuleSet.forReceipt(cmd.receivedOn()), cmd.receivedOn());
    }

    /**
     * A date of receipt moved before 2019-05-15 puts the request under the 2007 条例 (SPEC §2b): refused when a step
     * already taken has no ground there — an extension longer than its 15 working days, a 延迟答复.
     */
    private static void keepsTheStepsLawful(RequestState state, RuleSet rules, LocalDate receivedOn) {
        RequestTimeline t = state.timeline();
        if (t.extensionDays() > rules.maxExtensionWorkingDays()) {
            throw new RuleViolation(Rule.RECEIPT_CORRECTION_CONFLICTS, receivedOn, rules.title(),
                    "已批准的延期" + t.extensionDays() + "个工作日超过" + rules.answerArticle() + "规定的"
                            + rules.maxExtensionWorkingDays() + "个工作日");
        }
        if (t.isDeferred() && !rules.allowsDeferredAnswer()) {
            throw new RuleViolation(Rule.RECEIPT_CORRECTION_CONFLICTS, receivedOn, rules.title(),
                    "已决定的延迟答复在该条例中没有依据");
        }
    }
}
