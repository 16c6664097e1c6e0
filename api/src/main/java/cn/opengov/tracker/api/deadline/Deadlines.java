package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.ConsultationKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legal time limits of 《政府信息公开条例》, counted in working days (SPEC §3, §2b), under the rule set of each
 * request ({@link RuleSet}: the 2007 条例 or the 2019 revision).
 */
public final class Deadlines {

    /**
     * 国办函〔2020〕109号《政府信息公开信息处理费管理办法》第六条: the applicant pays within 20 working days of the
     * day after receiving the fee notice.
     */
    public static final int FEE_PAYMENT_WORKING_DAYS = 20;
    /** The board calls a request due soon when at most this many working days remain. */
    public static final int DUE_SOON_WORKING_DAYS = 5;

    private Deadlines() {
    }

    /**
     * 条例第三十条: WD(receivedOn, 7), the last day to send a 补正 notice; null for a request under the 2007 条例,
     * which set no such limit.
     */
    public static LocalDate correctionNoticeDueOn(LocalDate receivedOn, WorkingDayCalendar calendar) {
        Integer days = RuleSet.forReceipt(receivedOn).correctionNoticeWorkingDays();
        return days == null ? null : calendar.plusWorkingDays(receivedOn, days);
    }

    /** A notice sent after its due date is still accepted, but flagged late. */
    public static boolean isCorrectionNoticeLate(RequestTimeline t, WorkingDayCalendar calendar) {
        if (t.correctionNoticeOn() == null) {
            return false;
        }
        LocalDate due = correctionNoticeDueOn(t.receivedOn(), calendar);
        return due != null && t.correctionNoticeOn().isAfter(due);
    }

    /** WD(receivedOn, 20): the applicant's last day to pay a fee notice received on {@code receivedOn}. */
    public static LocalDate feeDueOn(LocalDate receivedOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(receivedOn, FEE_PAYMENT_WORKING_DAYS);
    }

    /** 109号第六条: WD(deliveredOn ?? noticeOn, 20), the applicant's last day to pay this fee notice. */
    public static LocalDate feeDueOn(Pause fee, WorkingDayCalendar calendar) {
        return feeDueOn(fee.receivedOn(), calendar);
    }

    /** Whether a pause stops the clock at all under the rule set: a fee notice always, a consultation see {@link RuleSet}. */
    public static boolean stopsTheClock(Pause p, RuleSet rules) {
        if (!p.isConsultation()) {
            return true;
        }
        return rules.consultationStopsTheClock(p.consultationKind() == null ? ConsultationKind.THIRD_PARTY : p.consultationKind());
    }

    /**
     * 条例第三十二条、第三十四条: {@code replyDueOn = WD(deliveredOn ?? sentOn, 15)}, the consulted party's last day to
     * reply; null for a fee notice, and for a consultation without a reply limit under the rule set.
     */
    public static LocalDate replyDueOn(Pause p, RuleSet rules, WorkingDayCalendar calendar) {
        Integer days = rules.consultationReplyWorkingDays();
        if (!p.isConsultation() || days == null || !stopsTheClock(p, rules)) {
            return null;
        }
        return calendar.plusWorkingDays(p.receivedOn(), days);
    }

    /**
     * The last day a pause stops the clock: it pauses the working days in (from, this]. A consultation pauses at
     * most until its reply limit: min(endedOn, replyDueOn), and replyDueOn while it is still open. Null while the
     * pause is open without a limit (a fee notice, a consultation under the 2007 条例): its end is not known yet.
     * A consultation that does not stop the clock pauses nothing: its start.
     */
    public static LocalDate pausedThrough(Pause p, RuleSet rules, WorkingDayCalendar calendar) {
        if (!stopsTheClock(p, rules)) {
            return p.from();
        }
        LocalDate reply = replyDueOn(p, rules, calendar);
        if (reply == null) {
            return p.to();
        }
        return p.to() == null || p.to().isAfter(reply) ? reply : p.to();
    }

    /** Whether an open pause still suspends the request at the end of {@code day} (SPEC §2b). */
    public static boolean suspendsOn(Pause p, RuleSet rules, LocalDate day, WorkingDayCalendar calendar) {
        if (!p.isOpen() || !stopsTheClock(p, rules)) {
            return false;
        }
        LocalDate reply = replyDueOn(p, rules, calendar);
        return reply == null || !day.isAfter(reply);
    }

    /** A consultation still open after its reply limit (征求意见已超期): it no longer suspends the request. */
    public static boolean isReplyOverdue(Pause p, RuleSet rules, LocalDate day, WorkingDayCalendar calendar) {
        if (!p.isOpen()) {
            return false;
        }
        LocalDate reply = replyDueOn(p, rules, calendar);
        return reply != null && day.isAfter(reply);
    }

    /** Whether any consultation of the request is open past its reply limit at the end of {@code day}. */
    public static boolean hasOverdueConsultation(RequestTimeline t, LocalDate day, WorkingDayCalendar calendar) {
        RuleSet rules = t.ruleSet();
        return !t.isAnswered() && t.pauses().stream().anyMatch(p -> isReplyOverdue(p, rules, day, calendar));
    }

    /**
     * The answer due date with how it was reached, or empty while it cannot be known: a 补正 is awaited, or a pause
     * without a known end is open (a fee notice; a third-party consultation under the 2007 条例). A consultation
     * still open is counted as pausing until its reply limit: the latest the due date can be, and what it is once the
     * limit has passed. A 延迟答复 makes the request due on the date it set, unless the count reaches later still.
     * An answered request still has the due date it had to meet.
     */
    public static Optional<AnswerDue> answerDue(RequestTimeline t, WorkingDayCalendar calendar) {
        if (t.isAwaitingCorrection()) {
            return Optional.empty();
        }
        RuleSet rules = t.ruleSet();
        List<LocalDate[]> paused = new ArrayList<>();
        List<LocalDate> limitsReached = new ArrayList<>();
        for (Pause p : t.pauses()) {
            LocalDate through = pausedThrough(p, rules, calendar);
            if (through == null) {
                return Optional.empty();
            }
            paused.add(new LocalDate[] {p.from(), through});
            LocalDate reply = replyDueOn(p, rules, calendar);
            if (reply != null && through.equals(reply) && (p.to() == null || p.to().isAfter(reply))) {
                limitsReached.add(reply);
            }
        }
        LocalDate start = t.clockStart();
        int target = rules.answerWorkingDays() + t.extensionDays();
        int counted = 0;
        int pausedDays = 0;
        LocalDate day = start;
        while (counted < target) {
            day = calendar.plusWorkingDays(day, 1);
            if (isPaused(paused, day)) {
                pausedDays++;
            } else {
                counted++;
            }
        }
        LocalDate deferredTo = t.deferredDueOn() != null && t.deferredDueOn().isAfter(day) ? t.deferredDueOn() : null;
        return Optional.of(new AnswerDue(start, target, t.extensionDays(), pausedDays,
                deferredTo != null ? deferredTo : day, rules, limitsReached, deferredTo));
    }

    /** The due date, or null when it cannot be known or the calendar does not reach it. */
    public static LocalDate answerDueOrNull(RequestTimeline t, WorkingDayCalendar calendar) {
        try {
            return answerDue(t, calendar).map(AnswerDue::dueOn).orElse(null);
        } catch (CalendarNotLoadedException e) {
            return null;
        }
    }

    /** Overlapping pauses count once: a day is paused when it lies in (from, through] of any. */
    private static boolean isPaused(List<LocalDate[]> paused, LocalDate day) {
        for (LocalDate[] p : paused) {
            if (day.isAfter(p[0]) && !day.isAfter(p[1])) {
                return true;
            }
        }
        return false;
    }
}
