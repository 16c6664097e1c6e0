package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * A request's line on the deadline board as of a date: its state, due date and working days left, and whether a
 * consultation is open past its reply limit (征求意见已超期, SPEC §2b).
 */
public record BoardStatus(BoardState state, LocalDate answerDueOn, Integer workingDaysLeft, boolean consultationOverdue) {

    public BoardStatus(BoardState state, LocalDate answerDueOn, Integer workingDaysLeft) {
        this(state, answerDueOn, workingDaysLeft, false);
    }

    /**
     * The state from a phase and a due date already known: the board's fast path, one O(1) count per request.
     * {@code answerDueOn} is null for a running clock only when the calendar could not place it.
     */
    public static BoardStatus of(ClockPhase phase, LocalDate answerDueOn, LocalDate asOf, WorkingDayCalendar calendar) {
        switch (phase) {
            case AWAITING_CORRECTION:
                return new BoardStatus(BoardState.AWAITING_CORRECTION, null, null);
            case SUSPENDED:
                return new BoardStatus(BoardState.SUSPENDED, null, null);
            default:
                break;
        }
        if (answerDueOn == null) {
            return new BoardStatus(BoardState.CALENDAR_NOT_LOADED, null, null);
        }
        try {
            int left = calendar.workingDaysLeft(asOf, answerDueOn);
            BoardState state = asOf.isAfter(answerDueOn) ? BoardState.OVERDUE
                    : left <= Deadlines.DUE_SOON_WORKING_DAYS ? BoardState.DUE_SOON : BoardState.ON_TRACK;
            return new BoardStatus(state, answerDueOn, left);
        } catch (CalendarNotLoadedException e) {
            return new BoardStatus(BoardState.CALENDAR_NOT_LOADED, answerDueOn, null);
        }
    }

    /** The state computed from the whole timeline, seen as it stood at the end of {@code asOf}. */
    public static BoardStatus of(RequestTimeline timeline, LocalDate asOf, WorkingDayCalendar calendar) {
        RequestTimeline known = timeline.asOf(asOf);
        try {
            ClockPhase phase = ClockPhase.of(known, asOf, calendar);
            LocalDate due = null;
            if (phase == ClockPhase.RUNNING || phase == ClockPhase.ANSWERED) {
                due = Deadlines.answerDueOrNull(known, calendar);
            }
            BoardStatus status = of(phase == ClockPhase.ANSWERED ? ClockPhase.RUNNING : phase, due, asOf, calendar);
            return status.withConsultationOverdue(Deadlines.hasOverdueConsultation(known, asOf, calendar));
        } catch (CalendarNotLoadedException e) {
            return new BoardStatus(BoardState.CALENDAR_NOT_LOADED, null, null);
        }
    }

    private BoardStatus withConsultationOverdue(boolean overdue) {
        return new BoardStatus(state, answerDueOn, workingDaysLeft, overdue);
    }
}
