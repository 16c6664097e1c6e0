package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of SPEC §3, one test each. */
class WorkedExamplesTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDate due(RequestTimeline t) {
        return Deadlines.answerDue(t, CALENDAR).orElseThrow().dueOn();
    }

    @Test
    void receivedBeforeNationalDayIsDueOn30October() {
        assertThat(due(RequestTimeline.receivedOn(d("2024-09-27")))).isEqualTo(d("2024-10-30"));
    }

    @Test
    void correctionNoticeForTheSameRequestIsDueOnTheSaturdayMakeUpDay() {
        assertThat(Deadlines.correctionNoticeDueOn(d("2024-09-27"), CALENDAR)).isEqualTo(d("2024-10-12"));
    }

    @Test
    void receivedBeforeSpringFestival2025IsDueOn21February() {
        assertThat(due(RequestTimeline.receivedOn(d("2025-01-20")))).isEqualTo(d("2025-02-21"));
    }

    @Test
    void anExtensionOf20AddsTwentyWorkingDays() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2024-04-30")).withExtension(d("2024-05-20"), 20);
        assertThat(due(t)).isEqualTo(d("2024-06-28"));
    }

    @Test
    void aConsultationPausesTheClock() {
        RequestTimeline plain = RequestTimeline.receivedOn(d("2025-03-03"));
        assertThat(due(plain)).isEqualTo(d("2025-03-31"));
        RequestTimeline consulted = plain.withPause(new Pause("c1", Pause.Kind.CONSULTATION, d("2025-03-10"), null))
                .withPauseEnded("c1", d("2025-03-24"));
        AnswerDue answerDue = Deadlines.answerDue(consulted, CALENDAR).orElseThrow();
        assertThat(answerDue.dueOn()).isEqualTo(d("2025-04-15"));
        assertThat(answerDue.pausedWorkingDays()).isEqualTo(10);
    }
}
