package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.ConsultationKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 条例第三十二条、第三十四条: the consulted party replies within 15 working days of receiving the letter, so a
 * consultation pauses the clock at most until {@code replyDueOn = WD(deliveredOn ?? sentOn, 15)} (SPEC §2b).
 */
class ConsultationReplyLimitTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();
    private static final RequestTimeline RECEIVED = RequestTimeline.receivedOn(LocalDate.parse("2025-03-03"));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static RequestTimeline consulted(LocalDate deliveredOn) {
        return RECEIVED.withPause(Pause.consultation("c", ConsultationKind.THIRD_PARTY, d("2025-03-10"), deliveredOn));
    }

    @Test
    void theReplyIsDueFifteenWorkingDaysAfterTheLetterArrived() {
        RequestTimeline sent = consulted(null);
        assertThat(Deadlines.replyDueOn(sent.pauses().get(0), RuleSet.R2019, CALENDAR)).isEqualTo(d("2025-03-31"));
        RequestTimeline delivered = consulted(d("2025-03-12"));
        assertThat(Deadlines.replyDueOn(delivered.pauses().get(0), RuleSet.R2019, CALENDAR)).isEqualTo(d("2025-04-02"));
        assertThat(Deadlines.replyDueOn(delivered.pauses().get(0), RuleSet.R2007, CALENDAR)).as("no limit in 2007").isNull();
    }

    @Test
    void anOpenConsultationSuspendsTheRequestUntilItsReplyIsDue() {
        RequestTimeline t = consulted(null);
        assertThat(BoardStatus.of(t, d("2025-03-31"), CALENDAR).state()).isEqualTo(BoardState.SUSPENDED);
        assertThat(BoardStatus.of(t, d("2025-03-31"), CALENDAR).consultationOverdue()).isFalse();
    }

    /** Still open after replyDueOn: the request counts again, as if the consultation had ended that day, and is flagged. */
    @Test
    void afterTheReplyLimitTheClockRunsAgainAndTheBoardFlagsIt() {
        RequestTimeline t = consulted(null);
        BoardStatus next = BoardStatus.of(t, d("2025-04-01"), CALENDAR);
        assertThat(next.state()).isEqualTo(BoardState.ON_TRACK);
        assertThat(next.answerDueOn()).as("(03-10, 03-31] paused: 15 working days, 清明 04-04 off").isEqualTo(d("2025-04-22"));
        assertThat(next.workingDaysLeft()).isEqualTo(14);
        assertThat(next.consultationOverdue()).isTrue();
        assertThat(Deadlines.answerDue(t.withPauseEnded("c", d("2025-03-31")), CALENDAR).orElseThrow().dueOn())
                .as("the same as ending on replyDueOn").isEqualTo(d("2025-04-22"));
        assertThat(Deadlines.answerDue(t.withPauseEnded("c", d("2025-04-10")), CALENDAR).orElseThrow().dueOn())
                .as("ending later pauses no more").isEqualTo(d("2025-04-22"));
    }

    @Test
    void theSpecsWorkedExampleEndsBeforeItsLimitAndIsUnchanged() {
        AnswerDue due = Deadlines.answerDue(consulted(null).withPauseEnded("c", d("2025-03-24")), CALENDAR).orElseThrow();
        assertThat(due.dueOn()).isEqualTo(d("2025-04-15"));
        assertThat(due.replyLimitsReached()).isEmpty();
    }

    @Test
    void anOverdueConsultationIsNoLongerFlaggedOnceItEnds() {
        RequestTimeline ended = consulted(null).withPauseEnded("c", d("2025-04-10"));
        assertThat(BoardStatus.of(ended, d("2025-04-11"), CALENDAR).consultationOverdue()).isFalse();
        assertThat(BoardStatus.of(ended, d("2025-04-09"), CALENDAR).consultationOverdue()).as("as it stood then").isTrue();
    }
}
