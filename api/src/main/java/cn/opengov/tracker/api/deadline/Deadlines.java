package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Optional;

/** The legal time limits of 《政府信息公开条例》, counted in working days (SPEC §3). */
public final class Deadlines {

    /** 条例第三十条: a correction must be asked for within 7 working days of receipt, once. */
    public static final int CORRECTION_NOTICE_WORKING_DAYS = 7;
    /** 条例第三十三条第二款: answer within 20 working days. */
    public static final int ANSWER_WORKING_DAYS = 20;
    /** 条例第三十三条第二款: one extension of at most 20 working days. */
    public static final int MAX_EXTENSION_WORKING_DAYS = 20;
    /** 国办函〔2020〕109号: the applicant pays the fee within 20 working days of the notice. */
    public static final int FEE_PAYMENT_WORKING_DAYS = 20;
    /** 条例第三十二条、第三十四条: the consulted party replies within 15 working days of receiving the letter. */
    public static final int CONSULTATION_REPLY_WORKING_DAYS = 15;
    /** The board calls a request due soon when at most this many working days remain. */
    public static final int DUE_SOON_WORKING_DAYS = 5;

    private Deadlines() {
    }

    /** WD(receivedOn, 7): the last day to send a 补正 notice. */
    public static LocalDate correctionNoticeDueOn(LocalDate receivedOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
    }

    /** A notice sent after its due date is still accepted, but flagged late. */
    public static boolean isCorrectionNoticeLate(RequestTimeline t, WorkingDayCalendar calendar) {
        return t.correctionNoticeOn() != null
                && t.correctionNoticeOn().isAfter(correctionNoticeDueOn(t.receivedOn(), calendar));
    }

    /** WD(noticeOn, 20): the applicant's last day to pay a fee. */
    public static LocalDate feeDueOn(LocalDate noticeOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(noticeOn, FEE_PAYMENT_WORKING_DAYS);
    }

    /**
     * WD(deliveredOn ?? noticeOn, 20) (SPEC §2b): the applicant pays within 20 working days of receiving the
     * notice; when its delivery was not recorded, counted from the day it was issued.
     */
    public static LocalDate feeDueOn(LocalDate noticeOn, LocalDate deliveredOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(deliveredOn != null ? deliveredOn : noticeOn, FEE_PAYMENT_WORKING_DAYS);
    }

    /**
     * WD(deliveredOn ?? sentOn, 15) (SPEC §2b, 条例第三十二条、第三十四条): the consulted party's last day to reply;
     * when the letter's delivery was not recorded, counted from the day it was sent.
     */
    public static LocalDate consultationReplyDueOn(LocalDate sentOn, LocalDate deliveredOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(deliveredOn != null ? deliveredOn : sentOn, CONSULTATION_REPLY_WORKING_DAYS);
    }

    /**
     * The answer due date with how it was reached, or empty while it cannot be known: a 补正 is awaited or a
     * consultation or fee notice is still open. An answered request still has the due date it had to meet.
     */
    public static Optional<AnswerDue> answerDue(RequestTimeline t, WorkingDayCalendar calendar) {
        if (t.isAwaitingCorrection() || t.isSuspended()) {
            return Optional.empty();
        }
        LocalDate start = t.clockStart();
        int target = ANSWER_WORKING_DAYS + t.extensionDays();
        int counted = 0;
        int paused = 0;
        LocalDate day = start;
        while (counted < target) {
            day = calendar.plusWorkingDays(day, 1);
            if (isPaused(t, day)) {
                paused++;
            } else {
                counted++;
            }
        }
        return Optional.of(new AnswerDue(start, target, t.extensionDays(), paused, day));
    }

    /** The due date, or null when it cannot be known or the calendar does not reach it. */
    public static LocalDate answerDueOrNull(RequestTimeline t, WorkingDayCalendar calendar) {
        try {
            return answerDue(t, calendar).map(AnswerDue::dueOn).orElse(null);
        } catch (CalendarNotLoadedException e) {
            return null;
        }
    }

    private static boolean isPaused(RequestTimeline t, LocalDate day) {
        for (Pause p : t.pauses()) {
            if (p.covers(day)) {
                return true;
            }
        }
        return false;
    }
}
