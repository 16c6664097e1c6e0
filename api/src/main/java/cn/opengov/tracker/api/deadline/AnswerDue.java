package cn.opengov.tracker.api.deadline;

import java.time.LocalDate;

/**
 * The answer due date and how it was reached (SPEC §3): from {@code start}, {@code workingDays} working days
 * (20 plus {@code extensionDays}) that are not paused; {@code pausedWorkingDays} were skipped on the way.
 */
public record AnswerDue(LocalDate start, int workingDays, int extensionDays, int pausedWorkingDays,
                        LocalDate dueOn) {
}
