package cn.opengov.tracker.api.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer due date and how it was reached (SPEC §3, §2b): under {@code ruleSet}, from {@code start},
 * {@code workingDays} working days (the rule set's limit plus {@code extensionDays}) that are not paused;
 * {@code pausedWorkingDays} were skipped on the way. {@code replyLimitsReached}: the reply limits (条例第三十二条、
 * 第三十四条) at which a consultation stopped pausing the clock although it had not ended. {@code deferredTo}: the
 * date a 延迟答复 (第三十五条) set, when it is what the request is now due on (null otherwise).
 */
public record AnswerDue(LocalDate start, int workingDays, int extensionDays, int pausedWorkingDays,
                        LocalDate dueOn, RuleSet ruleSet, List<LocalDate> replyLimitsReached, LocalDate deferredTo) {

    public AnswerDue {
        replyLimitsReached = List.copyOf(replyLimitsReached);
    }
}
