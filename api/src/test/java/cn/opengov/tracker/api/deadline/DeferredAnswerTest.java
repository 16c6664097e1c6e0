package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** 条例第三十五条, 延迟答复: once decided, the request is due on the date the agency set (SPEC §2b). */
class DeferredAnswerTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theBoardCountsToTheDeferredDueDate() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03")).withDeferral(d("2025-03-28"), d("2025-04-30"));
        AnswerDue due = Deadlines.answerDue(t, CALENDAR).orElseThrow();
        assertThat(due.dueOn()).isEqualTo(d("2025-04-30"));
        assertThat(due.deferredTo()).isEqualTo(d("2025-04-30"));
        assertThat(BoardStatus.of(t, d("2025-04-01"), CALENDAR).state()).isEqualTo(BoardState.ON_TRACK);
        assertThat(BoardStatus.of(t, d("2025-03-27"), CALENDAR).answerDueOn()).as("before the decision").isEqualTo(d("2025-03-31"));
    }

    @Test
    void aCountThatReachesLaterStillWins() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2025-03-03")).withDeferral(d("2025-03-28"), d("2025-04-02"))
                .withPause(new Pause("fee", Pause.Kind.FEE, d("2025-03-28"), d("2025-04-25")));
        AnswerDue due = Deadlines.answerDue(t, CALENDAR).orElseThrow();
        assertThat(due.deferredTo()).isNull();
        assertThat(due.dueOn()).isAfter(d("2025-04-25"));
    }
}
