package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.AssignRequest;
import cn.opengov.tracker.api.request.command.CarryOverRequest;
import cn.opengov.tracker.api.request.command.CorrectApplicantType;
import cn.opengov.tracker.api.request.command.CorrectReceiptDate;
import cn.opengov.tracker.api.request.command.DecideCase;
import cn.opengov.tracker.api.request.command.DeferAnswer;
import cn.opengov.tracker.api.request.command.EndConsultation;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.command.FileLawsuit;
import cn.opengov.tracker.api.request.command.FileReconsideration;
import cn.opengov.tracker.api.request.command.IssueFeeNotice;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.ReclassifyOutcome;
import cn.opengov.tracker.api.request.command.RecordFeePayment;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.command.StartConsultation;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.CarryOverRevoked;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.LawsuitDecided;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.rule.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static cn.opengov.tracker.command.request.Refusals.refusedBy;

/** The rules of SPEC §2, one behaviour per test: given events, when a command, then events or a refusal. */
class InformationRequestTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Applicant APPLICANT = new Applicant(ApplicantType.NATURAL_PERSON, "李四", null, null, null, null);

    private FixtureConfiguration<InformationRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationRequest.class);
        fixture.registerInjectableResource(FixedLegalCalendar.on("2026-11-21"));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static RequestReceived received(String on) {
        return new RequestReceived(ID, "ZNX-2025-0001", "ZNX", d(on), Channel.IN_PERSON, APPLICANT, "申请公开某专项资金使用情况");
    }

    private static LogRequest log(String on, Integer closedThrough) {
        return new LogRequest(ID, "ZNX-2025-0001", "ZNX", d(on), Channel.IN_PERSON, APPLICANT, "申请公开某专项资金使用情况", closedThrough);
    }

    private static RequestAnswered answered(String on, OutcomeCategory outcome) {
        return new RequestAnswered(ID, d(on), outcome, null);
    }

    private static AnswerRequest answer(String on, OutcomeCategory outcome) {
        return new AnswerRequest(ID, d(on), outcome, null, null);
    }

    @Nested
    class Receipt {
        @Test
        void logsARequestAsReceived() {
            fixture.givenNoPriorActivity().when(log("2025-03-03", null)).expectEvents(received("2025-03-03"));
        }

        @Test
        void refusesADateOfReceiptInTheFuture() {
            fixture.givenNoPriorActivity().when(log("2026-11-22", null))
                    .expectException(refusedBy(Rule.DATE_IN_FUTURE)).expectNoEvents();
        }

        @Test
        void refusesADateOfReceiptBeforeTheRevisedRegulation() {
            fixture.givenNoPriorActivity().when(log("2018-12-31", null))
                    .expectException(refusedBy(Rule.RECEIVED_BEFORE_SUPPORTED_RANGE));
        }

        @Test
        void aLateEntryIntoClosedYearsIsCarriedOverFromEachAtOnce() {
            fixture.givenNoPriorActivity().when(log("2024-12-30", 2025))
                    .expectEvents(received("2024-12-30"), new RequestCarriedOver(ID, 2024), new RequestCarriedOver(ID, 2025));
        }

        @Test
        void aLateEntryIntoAnOpenYearIsNotCarriedOver() {
            fixture.givenNoPriorActivity().when(log("2025-12-30", 2024)).expectEvents(received("2025-12-30"));
        }
    }

    @Nested
    class Correction {
        @Test
        void sendsTheNoticeOnceAndWithinTheRules() {
            fixture.given(received("2025-03-03"))
                    .when(new SendCorrectionNotice(ID, d("2025-03-05"), "请补充申请内容的具体名称", d("2025-03-20")))
                    .expectEvents(new CorrectionRequested(ID, d("2025-03-05"), "请补充申请内容的具体名称", d("2025-03-20")));
        }

        @Test
        void cannotSendASecondNotice() {
            fixture.given(received("2025-03-03"), new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20")))
                    .when(new SendCorrectionNotice(ID, d("2025-03-06"), "y", d("2025-03-21")))
                    .expectException(refusedBy(Rule.CORRECTION_NOTICE_ALREADY_SENT)).expectNoEvents();
        }

        @Test
        void cannotSendANoticeAfterTheAnswer() {
            fixture.given(received("2025-03-03"), answered("2025-03-10", OutcomeCategory.DISCLOSED))
                    .when(new SendCorrectionNotice(ID, d("2025-03-11"), "x", d("2025-03-20")))
                    .expectException(refusedBy(Rule.ALREADY_ANSWERED));
        }

        @Test
        void cannotDateANoticeBeforeTheReceipt() {
            fixture.given(received("2025-03-03"))
                    .when(new SendCorrectionNotice(ID, d("2025-03-02"), "x", d("2025-03-20")))
                    .expectException(refusedBy(Rule.STEP_BEFORE_RECEIPT));
        }

        @Test
        void cannotGiveTheApplicantADueDateBeforeTheNotice() {
            fixture.given(received("2025-03-03"))
                    .when(new SendCorrectionNotice(ID, d("2025-03-05"), "x", d("2025-03-04")))
                    .expectException(refusedBy(Rule.CORRECTION_DUE_BEFORE_NOTICE));
        }

        @Test
        void receivesTheCorrectionAfterTheNotice() {
            fixture.given(received("2025-03-03"), new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20")))
                    .when(new ReceiveCorrection(ID, d("2025-03-14")))
                    .expectEvents(new CorrectionReceived(ID, d("2025-03-14")));
        }

        @Test
        void cannotReceiveACorrectionNobodyAskedFor() {
            fixture.given(received("2025-03-03")).when(new ReceiveCorrection(ID, d("2025-03-14")))
                    .expectException(refusedBy(Rule.NO_CORRECTION_NOTICE));
        }

        @Test
        void cannotReceiveTheCorrectionTwice() {
            fixture.given(received("2025-03-03"), new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20")),
                            new CorrectionReceived(ID, d("2025-03-14")))
                    .when(new ReceiveCorrection(ID, d("2025-03-15")))
                    .expectException(refusedBy(Rule.CORRECTION_ALREADY_RECEIVED));
        }

        @Test
        void cannotReceiveTheCorrectionBeforeTheNotice() {
            fixture.given(received("2025-03-03"), new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20")))
                    .when(new ReceiveCorrection(ID, d("2025-03-04")))
                    .expectException(refusedBy(Rule.CORRECTION_BEFORE_NOTICE));
        }
    }

    @Nested
    class Extension {
        @Test
        void extendsOnceWithinTheDeadline() {
            fixture.given(received("2024-04-30")).when(new ExtendDeadline(ID, d("2024-05-20"), 20, "需要调取档案"))
                    .expectEvents(new DeadlineExtended(ID, d("2024-05-20"), 20, "需要调取档案"));
        }

        @Test
        void cannotExtendTwice() {
            fixture.given(received("2024-04-30"), new DeadlineExtended(ID, d("2024-05-20"), 5, "r"))
                    .when(new ExtendDeadline(ID, d("2024-05-21"), 5, "r"))
                    .expectException(refusedBy(Rule.ALREADY_EXTENDED));
        }

        @Test
        void cannotExtendByMoreThanTwentyOrFewerThanOneWorkingDays() {
            fixture.given(received("2024-04-30")).when(new ExtendDeadline(ID, d("2024-05-20"), 21, "r"))
                    .expectException(refusedBy(Rule.EXTENSION_DAYS_OUT_OF_RANGE));
            fixture.given(received("2024-04-30")).when(new ExtendDeadline(ID, d("2024-05-20"), 0, "r"))
                    .expectException(refusedBy(Rule.EXTENSION_DAYS_OUT_OF_RANGE));
        }

        @Test
        void cannotExtendOnceTheDeadlineHasPassed() {
            // received 2024-09-27: due 2024-10-30
            fixture.given(received("2024-09-27")).when(new ExtendDeadline(ID, d("2024-10-31"), 5, "r"))
                    .expectException(refusedBy(Rule.EXTENSION_AFTER_DUE));
            fixture.given(received("2024-09-27")).when(new ExtendDeadline(ID, d("2024-10-30"), 5, "r"))
                    .expectEvents(new DeadlineExtended(ID, d("2024-10-30"), 5, "r"));
        }

        @Test
        void cannotExtendWhileACorrectionIsAwaited() {
            fixture.given(received("2025-03-03"), new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20")))
                    .when(new ExtendDeadline(ID, d("2025-03-06"), 5, "r"))
                    .expectException(refusedBy(Rule.EXTENSION_WITHOUT_CLOCK));
        }

        @Test
        void mayExtendWhileSuspendedBecauseTheDeadlineHasNotRunOut() {
            fixture.given(received("2024-09-27"), new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2024-10-08")))
                    .when(new ExtendDeadline(ID, d("2024-11-05"), 5, "r"))
                    .expectEvents(new DeadlineExtended(ID, d("2024-11-05"), 5, "r"));
        }
    }

    @Nested
    class Consultations {
        @Test
        void severalMayOverlap() {
            fixture.given(received("2025-03-03"), new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10")))
                    .when(new StartConsultation(ID, "c2", ConsultationKind.OTHER_AGENCY, "县财政局", d("2025-03-11")))
                    .expectEvents(new ConsultationStarted(ID, "c2", ConsultationKind.OTHER_AGENCY, "县财政局", d("2025-03-11")));
        }

        @Test
        void endsOnceAndNotBeforeItStarted() {
            var started = new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10"));
            fixture.given(received("2025-03-03"), started).when(new EndConsultation(ID, "c1", d("2025-03-24")))
                    .expectEvents(new ConsultationEnded(ID, "c1", d("2025-03-24")));
            fixture.given(received("2025-03-03"), started, new ConsultationEnded(ID, "c1", d("2025-03-24")))
                    .when(new EndConsultation(ID, "c1", d("2025-03-25")))
                    .expectException(refusedBy(Rule.CONSULTATION_ALREADY_ENDED));
            fixture.given(received("2025-03-03"), started).when(new EndConsultation(ID, "c1", d("2025-03-09")))
                    .expectException(refusedBy(Rule.END_BEFORE_START));
        }

        @Test
        void cannotEndAConsultationThatWasNeverStarted() {
            fixture.given(received("2025-03-03")).when(new EndConsultation(ID, "nope", d("2025-03-24")))
                    .expectException(refusedBy(Rule.CONSULTATION_NOT_FOUND));
        }

        @Test
        void cannotReuseAConsultationId() {
            fixture.given(received("2025-03-03"), new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10")))
                    .when(new StartConsultation(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-11")))
                    .expectException(refusedBy(Rule.CONSULTATION_ID_TAKEN));
        }
    }

    @Nested
    class Fee {
        @Test
        void issuesOneNoticeAndRecordsOnePayment() {
            fixture.given(received("2025-03-03")).when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("100.00")))
                    .expectEvents(new FeeNoticeIssued(ID, d("2025-03-05"), new BigDecimal("100.00")));
            fixture.given(received("2025-03-03"), new FeeNoticeIssued(ID, d("2025-03-05"), BigDecimal.TEN))
                    .when(new RecordFeePayment(ID, d("2025-03-10"))).expectEvents(new FeePaid(ID, d("2025-03-10")));
        }

        @Test
        void cannotIssueASecondNotice() {
            fixture.given(received("2025-03-03"), new FeeNoticeIssued(ID, d("2025-03-05"), BigDecimal.TEN))
                    .when(new IssueFeeNotice(ID, d("2025-03-06"), BigDecimal.TEN))
                    .expectException(refusedBy(Rule.FEE_NOTICE_ALREADY_ISSUED));
        }

        @Test
        void refusesAnAmountOfZero() {
            fixture.given(received("2025-03-03")).when(new IssueFeeNotice(ID, d("2025-03-05"), BigDecimal.ZERO))
                    .expectException(refusedBy(Rule.FEE_AMOUNT_NOT_POSITIVE));
        }

        @Test
        void cannotPayWithoutANoticeTwiceOrBeforeTheNotice() {
            fixture.given(received("2025-03-03")).when(new RecordFeePayment(ID, d("2025-03-10")))
                    .expectException(refusedBy(Rule.NO_FEE_NOTICE));
            fixture.given(received("2025-03-03"), new FeeNoticeIssued(ID, d("2025-03-05"), BigDecimal.TEN), new FeePaid(ID, d("2025-03-10")))
                    .when(new RecordFeePayment(ID, d("2025-03-11"))).expectException(refusedBy(Rule.FEE_ALREADY_PAID));
            fixture.given(received("2025-03-03"), new FeeNoticeIssued(ID, d("2025-03-05"), BigDecimal.TEN))
                    .when(new RecordFeePayment(ID, d("2025-03-04"))).expectException(refusedBy(Rule.END_BEFORE_START));
        }
    }

    @Nested
    class Answer {
        @Test
        void answersOnceWithOneOutcome() {
            fixture.given(received("2025-03-03")).when(answer("2025-03-20", OutcomeCategory.DISCLOSED))
                    .expectEvents(answered("2025-03-20", OutcomeCategory.DISCLOSED));
        }

        @Test
        void cannotAnswerTwice() {
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.DISCLOSED))
                    .when(answer("2025-03-21", OutcomeCategory.OTHER)).expectException(refusedBy(Rule.ALREADY_ANSWERED));
        }

        @Test
        void cannotDateTheAnswerBeforeAnotherStep() {
            fixture.given(received("2025-03-03"), new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10")))
                    .when(answer("2025-03-09", OutcomeCategory.DISCLOSED)).expectException(refusedBy(Rule.ANSWER_BEFORE_STEP));
        }

        @Test
        void cannotDateTheAnswerInTheFuture() {
            fixture.given(received("2025-03-03")).when(answer("2026-11-22", OutcomeCategory.DISCLOSED))
                    .expectException(refusedBy(Rule.DATE_IN_FUTURE));
        }

        @Test
        void noCorrectionNeedsANoticeWhoseDueDatePassedWithoutACorrection() {
            fixture.given(received("2025-03-03")).when(answer("2025-04-01", OutcomeCategory.OTHER_NO_CORRECTION))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_LAPSED_CORRECTION));
            var notice = new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20"));
            fixture.given(received("2025-03-03"), notice).when(answer("2025-03-20", OutcomeCategory.OTHER_NO_CORRECTION))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_LAPSED_CORRECTION));
            fixture.given(received("2025-03-03"), notice, new CorrectionReceived(ID, d("2025-03-18")))
                    .when(answer("2025-04-01", OutcomeCategory.OTHER_NO_CORRECTION))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_LAPSED_CORRECTION));
            fixture.given(received("2025-03-03"), notice).when(answer("2025-03-21", OutcomeCategory.OTHER_NO_CORRECTION))
                    .expectEvents(answered("2025-03-21", OutcomeCategory.OTHER_NO_CORRECTION));
        }

        @Test
        void unclearAfterCorrectionNeedsTheCorrection() {
            var notice = new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20"));
            fixture.given(received("2025-03-03"), notice).when(answer("2025-03-25", OutcomeCategory.UNABLE_UNCLEAR_AFTER_CORRECTION))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_CORRECTION_RECEIVED));
            fixture.given(received("2025-03-03"), notice, new CorrectionReceived(ID, d("2025-03-18")))
                    .when(answer("2025-03-25", OutcomeCategory.UNABLE_UNCLEAR_AFTER_CORRECTION))
                    .expectEvents(answered("2025-03-25", OutcomeCategory.UNABLE_UNCLEAR_AFTER_CORRECTION));
        }

        @Test
        void feeUnpaidNeedsANoticeUnpaidForTwentyWorkingDays() {
            // notice 2024-09-27: pay by 2024-10-30
            var notice = new FeeNoticeIssued(ID, d("2024-09-27"), BigDecimal.TEN);
            fixture.given(received("2024-09-20")).when(answer("2024-11-01", OutcomeCategory.OTHER_FEE_UNPAID))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_UNPAID_FEE));
            fixture.given(received("2024-09-20"), notice).when(answer("2024-10-30", OutcomeCategory.OTHER_FEE_UNPAID))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_UNPAID_FEE));
            fixture.given(received("2024-09-20"), notice, new FeePaid(ID, d("2024-10-30")))
                    .when(answer("2024-11-01", OutcomeCategory.OTHER_FEE_UNPAID))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_UNPAID_FEE));
            fixture.given(received("2024-09-20"), notice).when(answer("2024-10-31", OutcomeCategory.OTHER_FEE_UNPAID))
                    .expectEvents(answered("2024-10-31", OutcomeCategory.OTHER_FEE_UNPAID));
        }

        @Test
        void anAnswerDatedInsideAClosedYearTakesTheCarryOverBack() {
            fixture.given(received("2024-12-30"), new RequestCarriedOver(ID, 2024), new RequestCarriedOver(ID, 2025))
                    .when(new AnswerRequest(ID, d("2025-01-06"), OutcomeCategory.DISCLOSED, null, 2025))
                    .expectEvents(answered("2025-01-06", OutcomeCategory.DISCLOSED),
                            new CarryOverRevoked(ID, 2025, "答复日期为2025-01-06：2025年12月31日时并非未办结"));
        }
    }

    @Nested
    class AfterTheAnswer {
        @Test
        void reclassifiesTheOutcomeWithAReason() {
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.DISCLOSED))
                    .when(new ReclassifyOutcome(ID, OutcomeCategory.PARTIALLY_DISCLOSED, "部分内容涉及个人隐私"))
                    .expectEvents(new OutcomeReclassified(ID, OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED, "部分内容涉及个人隐私"));
        }

        @Test
        void cannotReclassifyBeforeTheAnswerOrToTheSameOutcome() {
            fixture.given(received("2025-03-03")).when(new ReclassifyOutcome(ID, OutcomeCategory.OTHER, "r"))
                    .expectException(refusedBy(Rule.NOT_ANSWERED));
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.OTHER))
                    .when(new ReclassifyOutcome(ID, OutcomeCategory.OTHER, "r")).expectException(refusedBy(Rule.NOTHING_TO_CORRECT));
        }

        @Test
        void reclassificationKeepsTheOutcomeConsistent() {
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.DISCLOSED))
                    .when(new ReclassifyOutcome(ID, OutcomeCategory.UNABLE_UNCLEAR_AFTER_CORRECTION, "r"))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_CORRECTION_RECEIVED));
        }

        @Test
        void correctsTheApplicantType() {
            fixture.given(received("2025-03-03"))
                    .when(new CorrectApplicantType(ID, ApplicantType.COMMERCIAL_ENTERPRISE, "申请人为企业"))
                    .expectEvents(new ApplicantTypeCorrected(ID, ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE, "申请人为企业"));
            fixture.given(received("2025-03-03")).when(new CorrectApplicantType(ID, ApplicantType.NATURAL_PERSON, "r"))
                    .expectException(refusedBy(Rule.NOTHING_TO_CORRECT));
        }

        @Test
        void correctsTheDateOfReceiptButNotPastAnotherStep() {
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.DISCLOSED))
                    .when(new CorrectReceiptDate(ID, d("2025-03-04"), "登记错误", null))
                    .expectEvents(new ReceiptDateCorrected(ID, d("2025-03-03"), d("2025-03-04"), "登记错误"));
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.DISCLOSED))
                    .when(new CorrectReceiptDate(ID, d("2025-03-21"), "登记错误", null))
                    .expectException(refusedBy(Rule.RECEIPT_AFTER_STEP));
        }

        @Test
        void movingTheReceiptOutOfAClosedYearTakesTheCarryOverBack() {
            fixture.given(received("2025-12-30"), new RequestCarriedOver(ID, 2025))
                    .when(new CorrectReceiptDate(ID, d("2026-01-05"), "登记错误", 2025))
                    .expectEvents(new ReceiptDateCorrected(ID, d("2025-12-30"), d("2026-01-05"), "登记错误"),
                            new CarryOverRevoked(ID, 2025, "收到申请日期更正为2026-01-05：2025年12月31日时并非未办结"));
        }

        @Test
        void movingTheReceiptIntoAClosedYearCarriesItOver() {
            fixture.given(received("2026-01-05"))
                    .when(new CorrectReceiptDate(ID, d("2025-12-30"), "登记错误", 2025))
                    .expectEvents(new ReceiptDateCorrected(ID, d("2026-01-05"), d("2025-12-30"), "登记错误"),
                            new RequestCarriedOver(ID, 2025));
        }
    }

    @Nested
    class ReviewAndLitigation {
        @Test
        void filesAndDecidesAReconsideration() {
            fixture.given(received("2025-03-03"), answered("2025-03-20", OutcomeCategory.UNABLE_NOT_HELD))
                    .when(new FileReconsideration(ID, "k1", d("2025-04-01")))
                    .expectEvents(new ReconsiderationFiled(ID, "k1", d("2025-04-01")));
            fixture.given(received("2025-03-03"), new ReconsiderationFiled(ID, "k1", d("2025-04-01")))
                    .when(new DecideCase(ID, "k1", d("2025-06-01"), CaseResult.UPHELD))
                    .expectEvents(new ReconsiderationDecided(ID, "k1", d("2025-06-01"), CaseResult.UPHELD));
        }

        @Test
        void aLawsuitAfterReconsiderationNeedsADecidedReconsideration() {
            fixture.given(received("2025-03-03"), new ReconsiderationFiled(ID, "k1", d("2025-04-01")))
                    .when(new FileLawsuit(ID, "s1", d("2025-07-01"), true))
                    .expectException(refusedBy(Rule.LAWSUIT_NEEDS_DECIDED_RECONSIDERATION));
            fixture.given(received("2025-03-03"), new ReconsiderationFiled(ID, "k1", d("2025-04-01")),
                            new ReconsiderationDecided(ID, "k1", d("2025-06-01"), CaseResult.UPHELD))
                    .when(new FileLawsuit(ID, "s1", d("2025-07-01"), true))
                    .expectEvents(new LawsuitFiled(ID, "s1", d("2025-07-01"), true));
        }

        @Test
        void aDirectLawsuitIsDecidedOnceAndNotBeforeFiling() {
            var filed = new LawsuitFiled(ID, "s1", d("2025-05-01"), false);
            fixture.given(received("2025-03-03"), filed).when(new DecideCase(ID, "s1", d("2025-08-01"), CaseResult.OTHER))
                    .expectEvents(new LawsuitDecided(ID, "s1", d("2025-08-01"), CaseResult.OTHER));
            fixture.given(received("2025-03-03"), filed).when(new DecideCase(ID, "s1", d("2025-04-30"), CaseResult.OTHER))
                    .expectException(refusedBy(Rule.END_BEFORE_START));
            fixture.given(received("2025-03-03"), filed, new LawsuitDecided(ID, "s1", d("2025-08-01"), CaseResult.OTHER))
                    .when(new DecideCase(ID, "s1", d("2025-08-02"), CaseResult.OTHER))
                    .expectException(refusedBy(Rule.CASE_ALREADY_DECIDED));
            fixture.given(received("2025-03-03")).when(new DecideCase(ID, "nope", d("2025-08-02"), CaseResult.OTHER))
                    .expectException(refusedBy(Rule.CASE_NOT_FOUND));
        }
    }

    @Nested
    class RuleSetByDateOfReceipt {
        /** 条例第二十九条第二款第三项: the form the applicant asks the information in, recorded on receipt. */
        @Test
        void recordsTheRequestedFormOfDelivery() {
            fixture.givenNoPriorActivity()
                    .when(new LogRequest(ID, "ZNX-2025-0001", "ZNX", d("2025-03-03"), Channel.IN_PERSON, APPLICANT,
                            "申请公开某专项资金使用情况", null, DeliveryForm.PAPER_MAIL))
                    .expectEvents(new RequestReceived(ID, "ZNX-2025-0001", "ZNX", d("2025-03-03"), Channel.IN_PERSON,
                            APPLICANT, "申请公开某专项资金使用情况", DeliveryForm.PAPER_MAIL));
        }

        /** Requests from 2019-01-01 are accepted: the 2019 annual report covers the whole year. */
        @Test
        void acceptsARequestReceivedBeforeTheRevisionTookEffect() {
            fixture.givenNoPriorActivity().when(log("2019-01-02", null)).expectEvents(received("2019-01-02"));
        }

        /** 2007年条例第二十四条第二款: an extension of at most 15 working days before 2019-05-15. */
        @Test
        void before15May2019AnExtensionIsAtMostFifteenWorkingDays() {
            fixture.given(received("2019-05-14")).when(new ExtendDeadline(ID, d("2019-05-20"), 16, "r", "办公室主任王五"))
                    .expectException(refusedBy(Rule.EXTENSION_DAYS_OUT_OF_RANGE)).expectNoEvents();
            fixture.given(received("2019-05-14")).when(new ExtendDeadline(ID, d("2019-05-20"), 15, "r", "办公室主任王五"))
                    .expectEvents(new DeadlineExtended(ID, d("2019-05-20"), 15, "r", "办公室主任王五"));
            fixture.given(received("2019-05-15")).when(new ExtendDeadline(ID, d("2019-05-20"), 20, "r", "办公室主任王五"))
                    .expectEvents(new DeadlineExtended(ID, d("2019-05-20"), 20, "r", "办公室主任王五"));
        }

        /** 2007年条例第二十四条第二款: the extension is approved within the 15-day limit (received 2019-03-01: due 03-22). */
        @Test
        void before15May2019TheExtensionIsApprovedWithinFifteenWorkingDays() {
            fixture.given(received("2019-03-01")).when(new ExtendDeadline(ID, d("2019-03-25"), 5, "r", "主任"))
                    .expectException(refusedBy(Rule.EXTENSION_AFTER_DUE));
            fixture.given(received("2019-03-01")).when(new ExtendDeadline(ID, d("2019-03-22"), 5, "r", "主任"))
                    .expectEvents(new DeadlineExtended(ID, d("2019-03-22"), 5, "r", "主任"));
        }

        /** A receipt-date correction into the 2007 条例 is refused when a step taken has no ground there. */
        @Test
        void aReceiptDateCorrectedIntoThe2007RulesMustKeepTheStepsLawful() {
            fixture.given(received("2019-05-15"), new DeadlineExtended(ID, d("2019-05-20"), 20, "r", "主任"))
                    .when(new CorrectReceiptDate(ID, d("2019-05-14"), "登记错误", null))
                    .expectException(refusedBy(Rule.RECEIPT_CORRECTION_CONFLICTS)).expectNoEvents();
            fixture.given(received("2019-05-15"), new DeadlineExtended(ID, d("2019-05-20"), 15, "r", "主任"))
                    .when(new CorrectReceiptDate(ID, d("2019-05-14"), "登记错误", null))
                    .expectEvents(new ReceiptDateCorrected(ID, d("2019-05-15"), d("2019-05-14"), "登记错误"));
        }

        /** 2019 第三十五条 has no counterpart in the 2007 条例. */
        @Test
        void before15May2019AnAnswerCannotBeDeferred() {
            fixture.given(received("2019-03-01")).when(new DeferAnswer(ID, d("2019-03-20"), d("2019-04-30"), "申请数量明显超过合理范围"))
                    .expectException(refusedBy(Rule.DEFERRAL_NOT_IN_2007_RULES));
        }
    }

    @Nested
    class ExtensionApproval {
        /** 条例第三十三条第二款: the head of the disclosure office consents; who did is recorded. */
        @Test
        void recordsWhoApprovedTheExtension() {
            fixture.given(received("2024-04-30")).when(new ExtendDeadline(ID, d("2024-05-20"), 20, "需要调取档案", "办公室主任王五"))
                    .expectEvents(new DeadlineExtended(ID, d("2024-05-20"), 20, "需要调取档案", "办公室主任王五"));
        }

        /** Old clients send no approver: still recorded (the detail flags it). */
        @Test
        void anExtensionWithoutTheApproverIsStillRecorded() {
            fixture.given(received("2024-04-30")).when(new ExtendDeadline(ID, d("2024-05-20"), 20, "需要调取档案"))
                    .expectEvents(new DeadlineExtended(ID, d("2024-05-20"), 20, "需要调取档案", null));
        }
    }

    @Nested
    class ConsultationReplyLimit {
        /** 条例第三十二条、第三十四条: the reply limit runs from receipt of the letter, recorded when known. */
        @Test
        void recordsWhenTheLetterWasDelivered() {
            fixture.given(received("2025-03-03"))
                    .when(new StartConsultation(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10"), d("2025-03-12")))
                    .expectEvents(new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10"), d("2025-03-12")));
        }

        @Test
        void theLetterIsNotDeliveredBeforeItWasSentNorInTheFuture() {
            fixture.given(received("2025-03-03"))
                    .when(new StartConsultation(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10"), d("2025-03-09")))
                    .expectException(refusedBy(Rule.END_BEFORE_START));
            fixture.given(received("2025-03-03"))
                    .when(new StartConsultation(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10"), d("2026-11-22")))
                    .expectException(refusedBy(Rule.DATE_IN_FUTURE));
        }

        /**
         * 条例第三十二条、第三十四条: a consultation open past its reply limit (sent 2025-03-10, due 03-31) stops the clock
         * no more: the request is due 2025-04-22, so an extension approved after that is late.
         */
        @Test
        void aConsultationOpenPastItsReplyLimitNoLongerHoldsTheDeadlineOff() {
            var open = new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10"));
            fixture.given(received("2025-03-03"), open).when(new ExtendDeadline(ID, d("2025-04-23"), 5, "r", "主任"))
                    .expectException(refusedBy(Rule.EXTENSION_AFTER_DUE));
            fixture.given(received("2025-03-03"), open).when(new ExtendDeadline(ID, d("2025-04-22"), 5, "r", "主任"))
                    .expectEvents(new DeadlineExtended(ID, d("2025-04-22"), 5, "r", "主任"));
        }
    }

    @Nested
    class DeferredAnswer {
        private final DeferAnswer defer = new DeferAnswer(ID, d("2025-03-28"), d("2025-04-30"), "同一申请人本月申请数量明显超过合理范围");

        /** 条例第三十五条: the agency sets a later, reasonable due date and tells the applicant. */
        @Test
        void defersTheAnswerToALaterDate() {
            fixture.given(received("2025-03-03")).when(defer)
                    .expectEvents(new AnswerDeferred(ID, d("2025-03-28"), d("2025-04-30"), "同一申请人本月申请数量明显超过合理范围"));
        }

        /** 条例第三十五条: decided on or before the current due date (received 2025-03-03: due 03-31). */
        @Test
        void isDecidedNoLaterThanTheCurrentDueDate() {
            fixture.given(received("2025-03-03")).when(new DeferAnswer(ID, d("2025-03-31"), d("2025-04-30"), "r"))
                    .expectEvents(new AnswerDeferred(ID, d("2025-03-31"), d("2025-04-30"), "r"));
            fixture.given(received("2025-03-03")).when(new DeferAnswer(ID, d("2025-04-01"), d("2025-04-30"), "r"))
                    .expectException(refusedBy(Rule.DEFERRAL_AFTER_DUE)).expectNoEvents();
        }

        @Test
        void theNewDueDateIsLaterThanTheCurrentOne() {
            fixture.given(received("2025-03-03")).when(new DeferAnswer(ID, d("2025-03-28"), d("2025-03-31"), "r"))
                    .expectException(refusedBy(Rule.DEFERRED_DUE_NOT_LATER));
        }

        @Test
        void isDecidedOnceOnly() {
            fixture.given(received("2025-03-03"), new AnswerDeferred(ID, d("2025-03-28"), d("2025-04-30"), "r"))
                    .when(new DeferAnswer(ID, d("2025-04-01"), d("2025-05-30"), "r"))
                    .expectException(refusedBy(Rule.ALREADY_DEFERRED));
        }

        @Test
        void needsAKnownDueDate() {
            fixture.given(received("2025-03-03"), new CorrectionRequested(ID, d("2025-03-05"), "x", d("2025-03-20")))
                    .when(defer).expectException(refusedBy(Rule.DEFERRAL_WITHOUT_DUE_DATE));
            fixture.given(received("2025-03-03"), new FeeNoticeIssued(ID, d("2025-03-05"), BigDecimal.TEN))
                    .when(defer).expectException(refusedBy(Rule.DEFERRAL_WITHOUT_DUE_DATE));
        }

        @Test
        void anExtensionAfterTheDeferralIsCheckedAgainstTheDeferredDate() {
            fixture.given(received("2025-03-03"), new AnswerDeferred(ID, d("2025-03-28"), d("2025-04-30"), "r"))
                    .when(new ExtendDeadline(ID, d("2025-04-15"), 5, "r", "主任"))
                    .expectEvents(new DeadlineExtended(ID, d("2025-04-15"), 5, "r", "主任"));
        }
    }

    @Nested
    class InformationProcessingFee {
        /** 国办函〔2020〕109号第六条: the notice is issued within the time limit — its last day included. */
        @Test
        void aNoticeOnTheDueDateIsAcceptedOneAfterItRefused() {
            // received 2025-01-20: due 2025-02-21 (SPEC §3)
            fixture.given(received("2025-01-20")).when(new IssueFeeNotice(ID, d("2025-02-21"), BigDecimal.TEN))
                    .expectEvents(new FeeNoticeIssued(ID, d("2025-02-21"), BigDecimal.TEN));
            fixture.given(received("2025-01-20")).when(new IssueFeeNotice(ID, d("2025-02-24"), BigDecimal.TEN))
                    .expectException(refusedBy(Rule.FEE_NOTICE_AFTER_DUE)).expectNoEvents();
            fixture.given(received("2025-01-20")).when(new IssueFeeNotice(ID, d("2025-06-03"), BigDecimal.TEN))
                    .expectException(refusedBy(Rule.FEE_NOTICE_AFTER_DUE));
        }

        /** 109号第六条: delivered not before the notice. */
        @Test
        void theNoticeIsNotDeliveredBeforeItWasIssued() {
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), BigDecimal.TEN, d("2025-03-04"), null, null, null, null))
                    .expectException(refusedBy(Rule.END_BEFORE_START));
        }

        /**
         * 109号第四条: the applicant's 12th request of the month costs 100元; accepted as proposed, the proposal and the
         * quantity are recorded with it.
         */
        @Test
        void perRequestRecordsWhatTheTiersPropose() {
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("100.00"), d("2025-03-07"), FeeBasis.PER_REQUEST, null, 11, null))
                    .expectEvents(new FeeNoticeIssued(ID, d("2025-03-05"), new BigDecimal("100.00"), d("2025-03-07"),
                            FeeBasis.PER_REQUEST, 1, new BigDecimal("100.00"), null));
        }

        /** 109号第五条: 120 pages cost 700 + 400 = 1100元. */
        @Test
        void perVolumeCountsThePages() {
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("1100"), null, FeeBasis.PER_VOLUME, 120, null, null))
                    .expectEvents(new FeeNoticeIssued(ID, d("2025-03-05"), new BigDecimal("1100"), null,
                            FeeBasis.PER_VOLUME, 120, new BigDecimal("1100.00"), null));
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("1100"), null, FeeBasis.PER_VOLUME, null, null, null))
                    .expectException(refusedBy(Rule.FEE_QUANTITY_INVALID));
        }

        /** Staff may override the proposal, with a reason; without one it is refused. */
        @Test
        void anAmountOtherThanTheProposalNeedsAReason() {
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("50"), null, FeeBasis.PER_REQUEST, null, 11, null))
                    .expectException(refusedBy(Rule.FEE_OVERRIDE_WITHOUT_REASON)).expectNoEvents();
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("50"), null, FeeBasis.PER_REQUEST, null, 11, "申请人为低保对象，减半"))
                    .expectEvents(new FeeNoticeIssued(ID, d("2025-03-05"), new BigDecimal("50"), null,
                            FeeBasis.PER_REQUEST, 1, new BigDecimal("100.00"), "申请人为低保对象，减半"));
        }

        /** 109号第四条(一): the first ten of the month are free, so a fee for the 3rd is an override with a reason. */
        @Test
        void aFeeInsideTheFreeAllowanceIsAnOverride() {
            fixture.given(received("2025-03-03"))
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("100"), null, FeeBasis.PER_REQUEST, null, 2, null))
                    .expectException(refusedBy(Rule.FEE_OVERRIDE_WITHOUT_REASON));
        }

        /** 109号第五条: 按量 does not apply to reading and copying by hand on site. */
        @Test
        void perVolumeIsRefusedForReadingOnSite() {
            var onSite = new RequestReceived(ID, "ZNX-2025-0001", "ZNX", d("2025-03-03"), Channel.IN_PERSON, APPLICANT,
                    "申请公开某专项资金使用情况", DeliveryForm.ON_SITE_READING);
            fixture.given(onSite)
                    .when(new IssueFeeNotice(ID, d("2025-03-05"), new BigDecimal("10"), null, FeeBasis.PER_VOLUME, 31, null, null))
                    .expectException(refusedBy(Rule.FEE_BASIS_NOT_APPLICABLE));
        }

        /** The 办法 took effect on 2021-01-01: no tiers, so no basis, before it. */
        @Test
        void noBasisBefore2021() {
            fixture.given(received("2020-12-01"))
                    .when(new IssueFeeNotice(ID, d("2020-12-10"), new BigDecimal("100"), null, FeeBasis.PER_REQUEST, null, 11, null))
                    .expectException(refusedBy(Rule.FEE_BASIS_NOT_IN_FORCE));
        }

        /**
         * 109号第六条: the applicant pays within 20 working days of the day after receiving the notice — for a notice of
         * 2024-09-27 received 2024-10-08, by 2024-11-04 — so OTHER_FEE_UNPAID waits until after that.
         */
        @Test
        void unpaidCountsFromTheDayTheApplicantReceivedTheNotice() {
            var delivered = new FeeNoticeIssued(ID, d("2024-09-27"), BigDecimal.TEN, d("2024-10-08"), null);
            fixture.given(received("2024-09-20"), delivered).when(answer("2024-11-04", OutcomeCategory.OTHER_FEE_UNPAID))
                    .expectException(refusedBy(Rule.OUTCOME_NEEDS_UNPAID_FEE));
            fixture.given(received("2024-09-20"), delivered).when(answer("2024-11-05", OutcomeCategory.OTHER_FEE_UNPAID))
                    .expectEvents(answered("2024-11-05", OutcomeCategory.OTHER_FEE_UNPAID));
        }
    }

    @Nested
    class Assignment {
        /** SPEC §2b: a request's 承办人. */
        @Test
        void assignsAndReassigns() {
            fixture.given(received("2025-03-03")).when(new AssignRequest(ID, "staff"))
                    .expectEvents(new RequestAssigned(ID, "staff", null));
            fixture.given(received("2025-03-03"), new RequestAssigned(ID, "staff", null)).when(new AssignRequest(ID, "lisi"))
                    .expectEvents(new RequestAssigned(ID, "lisi", "staff"));
        }

        /** Reassignable any time: after the answer a reconsideration or lawsuit still needs someone to handle it. */
        @Test
        void mayBeReassignedAfterTheAnswer() {
            fixture.given(received("2025-03-03"), new RequestAssigned(ID, "staff", null), answered("2025-03-20", OutcomeCategory.DISCLOSED))
                    .when(new AssignRequest(ID, "lisi")).expectEvents(new RequestAssigned(ID, "lisi", "staff"));
        }

        @Test
        void assigningTheSameStaffAgainChangesNothing() {
            fixture.given(received("2025-03-03"), new RequestAssigned(ID, "staff", null)).when(new AssignRequest(ID, "staff"))
                    .expectException(refusedBy(Rule.ALREADY_ASSIGNED));
        }
    }

    @Nested
    class YearClose {
        @Test
        void carriesOverARequestOpenOnThe31stOfDecember() {
            fixture.given(received("2024-12-20")).when(new CarryOverRequest(ID, 2024))
                    .expectEvents(new RequestCarriedOver(ID, 2024)).expectResultMessagePayload(1);
        }

        @Test
        void carriesOverARequestAnsweredOnlyInJanuary() {
            fixture.given(received("2024-12-20"), answered("2025-01-05", OutcomeCategory.DISCLOSED))
                    .when(new CarryOverRequest(ID, 2024)).expectEvents(new RequestCarriedOver(ID, 2024));
        }

        @Test
        void doesNotCarryOverARequestAnsweredWithinTheYear() {
            fixture.given(received("2024-03-01"), answered("2024-03-20", OutcomeCategory.DISCLOSED))
                    .when(new CarryOverRequest(ID, 2024)).expectNoEvents().expectResultMessagePayload(0);
        }

        @Test
        void closingTwiceChangesNothing() {
            fixture.given(received("2024-12-20"), new RequestCarriedOver(ID, 2024))
                    .when(new CarryOverRequest(ID, 2024)).expectNoEvents().expectResultMessagePayload(0);
        }

        @Test
        void aRequestOpenForYearsIsCarriedFromEachClosedYear() {
            fixture.given(received("2023-06-01"), new RequestCarriedOver(ID, 2023))
                    .when(new CarryOverRequest(ID, 2025))
                    .expectEvents(new RequestCarriedOver(ID, 2024), new RequestCarriedOver(ID, 2025));
        }
    }
}
