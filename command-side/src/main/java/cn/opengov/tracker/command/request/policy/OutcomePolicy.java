package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.ReclassifyOutcome;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/**
 * 答复 (条例第三十六条) and its outcome: the answer is dated after every step before it, and SPEC §2's outcome
 * consistency holds — three outcomes say something happened before the answer, and are refused when the request's
 * history says it did not, whether given with the answer or by a later reclassification.
 */
public final class OutcomePolicy {

    private OutcomePolicy() {
    }

    public static void checkAnswer(RequestState state, AnswerRequest cmd, LocalDate today, WorkingDayCalendar calendar) {
        Dating.notInFuture("answeredOn", "答复日期", cmd.answeredOn(), today);
        StepOrder.answerNotBeforeLatestStep(state, cmd.answeredOn());
        check(cmd.outcome(), cmd.answeredOn(), state.timeline(), calendar);
    }

    public static void checkReclassification(RequestState state, ReclassifyOutcome cmd, WorkingDayCalendar calendar) {
        if (!state.isAnswered()) {
            throw new RuleViolation(Rule.NOT_ANSWERED, "更正办理结果");
        }
        if (cmd.outcome() == state.outcome()) {
            throw new RuleViolation(Rule.NOTHING_TO_CORRECT, "办理结果");
        }
        check(cmd.outcome(), state.answeredOn(), state.timeline(), calendar);
    }

    static void check(OutcomeCategory outcome, LocalDate answeredOn, RequestTimeline timeline,
                             WorkingDayCalendar calendar) {
        switch (outcome) {
            case OTHER_NO_CORRECTION -> checkCorrectionLapsed(answeredOn, timeline);
            case UNABLE_UNCLEAR_AFTER_CORRECTION -> {
                if (timeline.correctionReceivedOn() == null) {
                    throw new RuleViolation(Rule.OUTCOME_NEEDS_CORRECTION_RECEIVED);
                }
            }
            case OTHER_FEE_UNPAID -> checkFeeUnpaid(answeredOn, timeline.feePause().map(Pause::from).orElse(null),
                    timeline.feePause().map(Pause::to).orElse(null), calendar);
            default -> {
            }
        }
    }

    private static void checkCorrectionLapsed(LocalDate answeredOn, RequestTimeline timeline) {
        if (!timeline.hasCorrectionNotice()) {
            throw new RuleViolation(Rule.OUTCOME_NEEDS_LAPSED_CORRECTION, "尚未发出补正通知");
        }
        if (timeline.correctionReceivedOn() != null) {
            throw new RuleViolation(Rule.OUTCOME_NEEDS_LAPSED_CORRECTION, "已于" + timeline.correctionReceivedOn() + "收到补正材料");
        }
        if (!answeredOn.isAfter(timeline.correctionApplicantDueOn())) {
            throw new RuleViolation(Rule.OUTCOME_NEEDS_LAPSED_CORRECTION,
                    "补正期限" + timeline.correctionApplicantDueOn() + "在答复日期" + answeredOn + "时尚未届满");
        }
    }

    private static void checkFeeUnpaid(LocalDate answeredOn, LocalDate feeNoticeOn, LocalDate feePaidOn,
                                       WorkingDayCalendar calendar) {
        if (feeNoticeOn == null) {
            throw new RuleViolation(Rule.OUTCOME_NEEDS_UNPAID_FEE, "尚未发出收费通知");
        }
        LocalDate payBy = Deadlines.feeDueOn(feeNoticeOn, calendar);
        if (feePaidOn != null && !feePaidOn.isAfter(payBy)) {
            throw new RuleViolation(Rule.OUTCOME_NEEDS_UNPAID_FEE, "申请人已于" + feePaidOn + "按期缴费");
        }
        if (!answeredOn.isAfter(payBy)) {
            throw new RuleViolation(Rule.OUTCOME_NEEDS_UNPAID_FEE, "缴费期限" + payBy + "在答复日期" + answeredOn + "时尚未届满");
        }
    }
}
