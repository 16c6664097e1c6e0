package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.AnswerDue;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.command.DeferAnswer;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/**
 * 条例第三十五条, 延迟答复: when the number or frequency of an applicant's requests clearly exceeds a reasonable range
 * and the agency cannot answer within the 第三十三条 limit, it may set a later, reasonable due date and tell the
 * applicant — once, decided while the current due date has not passed, the new date after it. The 2007 条例 had no
 * such rule, so a request under it cannot be deferred.
 */
public final class DeferralPolicy {

    private DeferralPolicy() {
    }

    public static void check(RequestState state, DeferAnswer cmd, LocalDate today, WorkingDayCalendar calendar) {
        RequestTimeline t = state.timeline();
        if (!t.ruleSet().allowsDeferredAnswer()) {
            throw new RuleViolation(Rule.DEFERRAL_NOT_IN_2007_RULES, t.receivedOn());
        }
        if (t.isDeferred()) {
            throw new RuleViolation(Rule.ALREADY_DEFERRED, t.deferralDecidedOn(), t.deferredDueOn());
        }
        Dating.step("decidedOn", "延迟答复决定日期", cmd.decidedOn(), t.receivedOn(), today);
        if (t.isAwaitingCorrection()) {
            throw new RuleViolation(Rule.DEFERRAL_WITHOUT_DUE_DATE, "正在等待申请人补正");
        }
        AnswerDue due = Deadlines.answerDue(t, calendar)
                .orElseThrow(() -> new RuleViolation(Rule.DEFERRAL_WITHOUT_DUE_DATE, "收费或征求意见期间中止计时"));
        if (cmd.decidedOn().isAfter(due.dueOn())) {
            throw new RuleViolation(Rule.DEFERRAL_AFTER_DUE, due.dueOn(), cmd.decidedOn());
        }
        if (!cmd.dueOn().isAfter(due.dueOn())) {
            throw RuleViolation.ofField("dueOn", Rule.DEFERRED_DUE_NOT_LATER, cmd.dueOn(), "当前答复期限", due.dueOn());
        }
    }
}
