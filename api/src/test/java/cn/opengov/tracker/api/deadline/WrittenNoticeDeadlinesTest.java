package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.ConsultationKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2b: the limits the written notices print, counted from delivery when it is known. */
class WrittenNoticeDeadlinesTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aConsultedPartyHas15WorkingDaysFromReceivingTheLetter() {
        assertThat(Deadlines.replyDueOn(Pause.consultation("c1", ConsultationKind.THIRD_PARTY, d("2025-03-10"), d("2025-03-12")), RuleSet.R2019, CALENDAR)).isEqualTo(d("2025-04-02"));
    }

    @Test
    void withoutARecordedDeliveryTheReplyLimitCountsFromSending() {
        assertThat(Deadlines.replyDueOn(Pause.consultation("c1", ConsultationKind.THIRD_PARTY, d("2025-03-10"), null), RuleSet.R2019, CALENDAR)).isEqualTo(d("2025-03-31"));
    }

    @Test
    void theApplicantPaysWithin20WorkingDaysOfReceivingTheFeeNotice() {
        // Saturday 2024-10-12 is a make-up working day, 10-01…10-07 are not
        assertThat(Deadlines.feeDueOn(Pause.fee("fee", d("2024-09-27"), d("2024-09-29")), CALENDAR)).isEqualTo(d("2024-10-31"));
    }

    @Test
    void withoutARecordedDeliveryTheFeeIsDue20WorkingDaysAfterTheNotice() {
        assertThat(Deadlines.feeDueOn(Pause.fee("fee", d("2024-09-27"), null), CALENDAR)).isEqualTo(d("2024-10-30"))
                .isEqualTo(Deadlines.feeDueOn(d("2024-09-27"), CALENDAR));
    }
}
