package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.command.ImportRequest;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.imports.ImportColumn;
import cn.opengov.tracker.command.request.policy.ImportPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk import's row (ImportRequest): the events of a clerk's steps, refused by the step's own rule, carried over as SPEC §4 says. */
class ImportRequestTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000016");
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

    private static LogRequest log(String on, Integer closedThrough) {
        return new LogRequest(ID, "A-2024-0001", "A", d(on), Channel.MAIL, APPLICANT, "申请公开某文件", closedThrough);
    }

    @Test
    void aRowWithEveryStepGivesTheEventsOfTheClerksStepsInTheirOrder() {
        fixture.givenNoPriorActivity()
                .when(new ImportRequest(ID, log("2024-03-01", null),
                        new SendCorrectionNotice(ID, d("2024-03-04"), "请明确所需信息", d("2024-03-20")),
                        new ReceiveCorrection(ID, d("2024-03-11")),
                        new ExtendDeadline(ID, d("2024-04-01"), 10, "需调取档案", null),
                        new AnswerRequest(ID, d("2024-04-20"), OutcomeCategory.DISCLOSED, null, null), null))
                .expectEvents(new RequestReceived(ID, "A-2024-0001", "A", d("2024-03-01"), Channel.MAIL, APPLICANT, "申请公开某文件"),
                        new CorrectionRequested(ID, d("2024-03-04"), "请明确所需信息", d("2024-03-20")),
                        new CorrectionReceived(ID, d("2024-03-11")),
                        new DeadlineExtended(ID, d("2024-04-01"), 10, "需调取档案", null),
                        new RequestAnswered(ID, d("2024-04-20"), OutcomeCategory.DISCLOSED, null));
    }

    @Test
    void aRowOpenOnThe31stOfAClosedYearIsCarriedOverAndOneAnsweredWithinItIsNot() {
        fixture.givenNoPriorActivity()
                .when(new ImportRequest(ID, log("2024-12-20", 2024), null, null, null,
                        new AnswerRequest(ID, d("2025-01-08"), OutcomeCategory.UNABLE_NOT_HELD, null, 2024), 2024))
                .expectEvents(new RequestReceived(ID, "A-2024-0001", "A", d("2024-12-20"), Channel.MAIL, APPLICANT, "申请公开某文件"),
                        new RequestAnswered(ID, d("2025-01-08"), OutcomeCategory.UNABLE_NOT_HELD, null),
                        new RequestCarriedOver(ID, 2024));
        setUp();
        fixture.givenNoPriorActivity()
                .when(new ImportRequest(ID, log("2024-06-03", 2024), null, null, null,
                        new AnswerRequest(ID, d("2024-06-20"), OutcomeCategory.DISCLOSED, null, 2024), 2024))
                .expectEvents(new RequestReceived(ID, "A-2024-0001", "A", d("2024-06-03"), Channel.MAIL, APPLICANT, "申请公开某文件"),
                        new RequestAnswered(ID, d("2024-06-20"), OutcomeCategory.DISCLOSED, null));
    }

    @Test
    void aStepTheClerksRulesRefuseRefusesTheRowNamingItsColumnAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ImportRequest(ID, log("2024-03-01", null), null, new ReceiveCorrection(ID, d("2024-03-11")), null,
                        null, null))
                .expectNoEvents()
                .expectException(ImportPolicy.Refused.class)
                .expectExceptionMessage("尚未发出补正通知，不能登记收到补正材料");
        setUp();
        fixture.givenNoPriorActivity()
                .when(new ImportRequest(ID, log("2024-03-01", null), null, null,
                        new ExtendDeadline(ID, d("2024-03-10"), 25, "理由", null), null, null))
                .expectNoEvents()
                .expectException(ImportPolicy.Refused.class);
        try {
            ImportPolicy.events(new ImportRequest(ID, log("2024-03-01", null), null, null,
                    new ExtendDeadline(ID, d("2024-03-10"), 25, "理由", null), null, null), d("2026-11-21"),
                    FixedLegalCalendar.on("2026-11-21").workingDays());
            throw new AssertionError("refused");
        } catch (ImportPolicy.Refused refused) {
            assertThat(refused.column()).isEqualTo(ImportColumn.EXTENSION_DAYS);
        }
    }
}
