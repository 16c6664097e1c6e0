package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** Where the answer clock of a request stands. */
public enum ClockPhase {
    /** 补正 requested and not received: no answer due date exists. */
    AWAITING_CORRECTION,
    /** A consultation or fee notice stops the clock: the due date is not yet known. */
    SUSPENDED,
    /** The clock runs towards a known due date. */
    RUNNING,
    /** Answered: off the board. */
    ANSWERED;

    /**
     * The phase by the steps alone, whatever the day: SUSPENDED while any consultation or fee notice is open. A
     * consultation stops the clock at most until its reply limit, so a SUSPENDED request may be running again on a
     * later day: {@link #of(RequestTimeline, LocalDate, WorkingDayCalendar)} says which.
     */
    public static ClockPhase of(RequestTimeline t) {
        if (t.isAnswered()) {
            return ANSWERED;
        }
        if (t.isAwaitingCorrection()) {
            return AWAITING_CORRECTION;
        }
        return t.isSuspended() ? SUSPENDED : RUNNING;
    }

    /**
     * The phase at the end of {@code day} (SPEC §2b): SUSPENDED only while an open pause still stops the clock —
     * a fee notice until it is paid, a consultation until it ends or its reply limit has passed (条例第三十二条、
     * 第三十四条), a third-party consultation under the 2007 条例 until it ends.
     */
    public static ClockPhase of(RequestTimeline t, LocalDate day, WorkingDayCalendar calendar) {
        ClockPhase byTheSteps = of(t);
        if (byTheSteps != SUSPENDED) {
            return byTheSteps;
        }
        RuleSet rules = t.ruleSet();
        return t.pauses().stream().anyMatch(p -> Deadlines.suspendsOn(p, rules, day, calendar)) ? SUSPENDED : RUNNING;
    }
}
