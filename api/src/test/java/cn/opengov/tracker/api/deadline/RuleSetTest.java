package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.ConsultationKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule set by date of receipt (SPEC §2b): the 2019 revision (国务院令第711号) took effect on 2019-05-15; a
 * request received before keeps the limits of the 2007 条例 (国务院令第492号).
 */
class RuleSetTest {

    private static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDate due(RequestTimeline t) {
        return Deadlines.answerDue(t, CALENDAR).orElseThrow().dueOn();
    }

    @Test
    void theRevisionAppliesFromTheFifteenthOfMay2019() {
        assertThat(RuleSet.forReceipt(d("2019-01-01"))).isEqualTo(RuleSet.R2007);
        assertThat(RuleSet.forReceipt(d("2019-05-14"))).isEqualTo(RuleSet.R2007);
        assertThat(RuleSet.forReceipt(d("2019-05-15"))).isEqualTo(RuleSet.R2019);
        assertThat(RuleSet.R2007.code()).isEqualTo("2007");
        assertThat(RuleSet.R2019.code()).isEqualTo("2019");
    }

    /** 2007年条例第二十四条第二款: 15 working days, not the 20 of 2019 第三十三条 (the example). */
    @Test
    void aRequestReceivedInMarch2019IsDueIn15WorkingDays() {
        AnswerDue due = Deadlines.answerDue(RequestTimeline.receivedOn(d("2019-03-01")), CALENDAR).orElseThrow();
        assertThat(due.dueOn()).isEqualTo(d("2019-03-22"));
        assertThat(due.workingDays()).isEqualTo(15);
        assertThat(due.ruleSet()).isEqualTo(RuleSet.R2007);
    }

    /** 2007年条例第二十四条第二款: an extension of at most 15 working days, added as under 2019. */
    @Test
    void anExtensionUnder2007AddsItsDays() {
        assertThat(due(RequestTimeline.receivedOn(d("2019-03-01")).withExtension(d("2019-03-20"), 15)))
                .as("清明 04-05 off").isEqualTo(d("2019-04-15"));
        assertThat(RuleSet.R2007.maxExtensionWorkingDays()).isEqualTo(15);
        assertThat(RuleSet.R2019.maxExtensionWorkingDays()).isEqualTo(20);
    }

    /** 条例第三十条's 7-working-day limit exists from 2019-05-15 on; the 2007 条例 set none. */
    @Test
    void thereIsNoCorrectionNoticeLimitUnderThe2007Rules() {
        assertThat(Deadlines.correctionNoticeDueOn(d("2019-05-14"), CALENDAR)).isNull();
        assertThat(Deadlines.correctionNoticeDueOn(d("2019-05-15"), CALENDAR)).isEqualTo(d("2019-05-24"));
        RequestTimeline late = RequestTimeline.receivedOn(d("2019-03-01")).withCorrectionNotice(d("2019-04-01"), d("2019-04-15"));
        assertThat(Deadlines.isCorrectionNoticeLate(late, CALENDAR)).isFalse();
    }

    /** A corrected date of receipt across 2019-05-15 changes the rule set, and the running deadline with it. */
    @Test
    void aReceiptDateCorrectedAcrossTheRevisionChangesTheDeadline() {
        RequestTimeline before = RequestTimeline.receivedOn(d("2019-05-14"));
        assertThat(due(before)).isEqualTo(d("2019-06-04"));
        RequestTimeline corrected = before.withReceivedOn(d("2019-05-15"));
        assertThat(corrected.ruleSet()).isEqualTo(RuleSet.R2019);
        assertThat(due(corrected)).as("20 working days, 端午 06-07 off").isEqualTo(d("2019-06-13"));
        assertThat(due(corrected.withReceivedOn(d("2019-05-14")))).isEqualTo(d("2019-06-04"));
    }

    /**
     * 2007年条例第二十四条第三款: the time a third party takes is not counted, however long — no reply limit, so an
     * open consultation suspends the request until it ends, and is never overdue.
     */
    @Test
    void underThe2007RulesAThirdPartyConsultationSuspendsUntilItEnds() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2019-03-01"))
                .withPause(Pause.consultation("c", ConsultationKind.THIRD_PARTY, d("2019-03-05"), null));
        assertThat(ClockPhase.of(t, d("2019-09-30"), CALENDAR)).isEqualTo(ClockPhase.SUSPENDED);
        assertThat(Deadlines.hasOverdueConsultation(t, d("2019-09-30"), CALENDAR)).isFalse();
        assertThat(Deadlines.answerDue(t, CALENDAR)).isEmpty();
        assertThat(due(t.withPauseEnded("c", d("2019-04-30"))))
                .as("03-04 and 03-05 counted, 13 more after 04-30 (05-05 a make-up working day)").isEqualTo(d("2019-05-21"));
    }

    /**
     * The 2007 条例 excluded only a third party's time (第二十四条第三款): consulting another agency, which it did not
     * provide for, does not stop its clock (the exclusion is 2019 第三十三条第三款's).
     */
    @Test
    void underThe2007RulesConsultingAnotherAgencyDoesNotStopTheClock() {
        RequestTimeline t = RequestTimeline.receivedOn(d("2019-03-01"))
                .withPause(Pause.consultation("c", ConsultationKind.OTHER_AGENCY, d("2019-03-05"), null));
        assertThat(ClockPhase.of(t, d("2019-03-06"), CALENDAR)).isEqualTo(ClockPhase.RUNNING);
        assertThat(due(t)).isEqualTo(d("2019-03-22"));
        assertThat(BoardStatus.of(t, d("2019-03-25"), CALENDAR).state()).isEqualTo(BoardState.OVERDUE);
    }
}
