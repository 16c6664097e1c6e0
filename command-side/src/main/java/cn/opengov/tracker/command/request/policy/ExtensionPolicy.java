package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.AnswerDue;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 条例第三十三条第二款: one extension, of at most 20 working days, approved before the answer deadline runs
 * out. While a consultation or fee notice is open the deadline is not known yet, so it cannot have run out.
 */
public final class ExtensionPolicy {

    private ExtensionPolicy() {
    }

    public static void check(RequestState state, ExtendDeadline cmd, LocalDate today, WorkingDayCalendar calendar) {
        RequestTimeline timeline = state.timeline();
        LocalDate approvedOn = cmd.approvedOn();
        int workingDays = cmd.workingDays();
        Dating.step("approvedOn", "延期批准日期", approvedOn, timeline.receivedOn(), today);
        if (workingDays < 1 || workingDays > Deadlines.MAX_EXTENSION_WORKING_DAYS) {
            throw RuleViolation.ofField("workingDays", Rule.EXTENSION_DAYS_OUT_OF_RANGE, workingDays);
        }
        if (timeline.extensionApprovedOn() != null) {
            throw new RuleViolation(Rule.ALREADY_EXTENDED, timeline.extensionApprovedOn(), timeline.extensionDays());
        }
        if (timeline.isAwaitingCorrection()) {
            throw new RuleViolation(Rule.EXTENSION_WITHOUT_CLOCK);
        }
        Optional<AnswerDue> due = Deadlines.answerDue(timeline, calendar);
        if (due.isPresent() && approvedOn.isAfter(due.get().dueOn())) {
            throw new RuleViolation(Rule.EXTENSION_AFTER_DUE, due.get().dueOn(), approvedOn);
        }
    }
}
