package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theClockRestartsFromTheCorrectedApplication() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03"))
                .withCorrectionNotice(d("2025-03-05"), d("2025-03-20"))
                .withCorrectionReceived(d("2025-03-14"));
        AnswerDue due = Deadlines.answerDue(t, CALENDAR).orElseThrow();
        assertThat(due.start()).isEqualTo(d("2025-03-14"));
        assertThat(due.dueOn()).isEqualTo(CALENDAR.plusWorkingDays(d("2025-03-14"), 20));
    }

    @Test
    void awaitingACorrectionThereIsNoDueDate() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03"))
                .withCorrectionNotice(d("2025-03-05"), d("2025-03-20"));
        assertThat(ClockPhase.of(t)).isEqualTo(ClockPhase.AWAITING_CORRECTION);
        assertThat(Deadlines.answerDue(t, CALENDAR)).isEmpty();
    }

    @Test
    void anOpenFeeNoticeSuspendsTheClock() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03"))
                .withPause(new Pause("fee", Pause.Kind.FEE, d("2025-03-05"), null));
        assertThat(ClockPhase.of(t)).isEqualTo(ClockPhase.SUSPENDED);
        assertThat(Deadlines.answerDue(t, CALENDAR)).isEmpty();
    }

    @Test
    void overlappingPausesCountOnce() {
        RequestTimeline one = RequestTimeline.receivedOn(d("2025-03-03"))
                .withPause(new Pause("a", Pause.Kind.CONSULTATION, d("2025-03-10"), d("2025-03-24")));
        RequestTimeline overlapping = one
                .withPause(new Pause("b", Pause.Kind.CONSULTATION, d("2025-03-12"), d("2025-03-20")))
                .withPause(new Pause("fee", Pause.Kind.FEE, d("2025-03-17"), d("2025-03-21")));
        assertThat(Deadlines.answerDue(overlapping, CALENDAR).orElseThrow())
                .isEqualTo(Deadlines.answerDue(one, CALENDAR).orElseThrow());
    }

    @Test
    void aPausedDayIsAWorkingDayInsideTheHalfOpenInterval() {
        // paused (sentOn, endedOn]: a consultation sent and ended the same day pauses nothing
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03"))
                .withPause(new Pause("a", Pause.Kind.CONSULTATION, d("2025-03-10"), d("2025-03-10")));
        assertThat(Deadlines.answerDue(t, CALENDAR).orElseThrow().dueOn()).isEqualTo(d("2025-03-31"));
    }

    @Test
    void feeIsDueTwentyWorkingDaysAfterTheNotice() {
        assertThat(Deadlines.feeDueOn(d("2024-09-27"), CALENDAR)).isEqualTo(d("2024-10-30"));
    }

    @Test
    void aLateCorrectionNoticeIsFlagged() {
        RequestTimeline onTime = RequestTimeline.receivedOn(d("2024-09-27")).withCorrectionNotice(d("2024-10-12"), d("2024-10-30"));
        RequestTimeline late = RequestTimeline.receivedOn(d("2024-09-27")).withCorrectionNotice(d("2024-10-14"), d("2024-10-30"));
        assertThat(Deadlines.isCorrectionNoticeLate(onTime, CALENDAR)).isFalse();
        assertThat(Deadlines.isCorrectionNoticeLate(late, CALENDAR)).isTrue();
    }

    @Test
    void boardStatesAsOfDifferentDays() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2024-09-27"));
        assertThat(BoardStatus.of(t, d("2024-10-08"), CALENDAR))
                .isEqualTo(new BoardStatus(BoardState.ON_TRACK, d("2024-10-30"), 17));
        assertThat(BoardStatus.of(t, d("2024-10-23"), CALENDAR).state()).isEqualTo(BoardState.DUE_SOON);
        assertThat(BoardStatus.of(t, d("2024-10-30"), CALENDAR))
                .isEqualTo(new BoardStatus(BoardState.DUE_SOON, d("2024-10-30"), 0));
        assertThat(BoardStatus.of(t, d("2024-11-01"), CALENDAR))
                .isEqualTo(new BoardStatus(BoardState.OVERDUE, d("2024-10-30"), -2));
    }

    @Test
    void theBoardForAnEarlierDayIgnoresStepsTakenLater() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03"))
                .withPause(new Pause("a", Pause.Kind.CONSULTATION, d("2025-03-10"), d("2025-03-24")));
        assertThat(BoardStatus.of(t, d("2025-03-07"), CALENDAR).answerDueOn()).isEqualTo(d("2025-03-31"));
        assertThat(BoardStatus.of(t, d("2025-03-12"), CALENDAR).state()).isEqualTo(BoardState.SUSPENDED);
        assertThat(BoardStatus.of(t, d("2025-03-25"), CALENDAR).answerDueOn()).isEqualTo(d("2025-04-15"));
    }

    @Test
    void aDueDateBeyondTheLoadedCalendarIsNotGuessed() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2026-12-21"));
        assertThat(Deadlines.answerDueOrNull(t, CALENDAR)).isNull();
        assertThat(BoardStatus.of(t, d("2026-12-22"), CALENDAR).state()).isEqualTo(BoardState.CALENDAR_NOT_LOADED);
    }
}
