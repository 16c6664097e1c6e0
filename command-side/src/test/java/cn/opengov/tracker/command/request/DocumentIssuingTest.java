package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.document.DocumentIssued;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.document.IssueDocument;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.event.RequestReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

/** A written notice is an event of the request it tells of (SPEC §2b), so the history shows it. */
class DocumentIssuingTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID DOC = UUID.randomUUID();
    private FixtureConfiguration<InformationRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationRequest.class);
        fixture.registerInjectableResource(FixedLegalCalendar.on("2026-11-21"));
    }

    @Test
    void issuingANoticeRecordsItsNumberAndHashes() {
        LocalDate on = LocalDate.parse("2026-03-02");
        fixture.given(new RequestReceived(ID, "ZNX-2026-0001", "ZNX", on, Channel.MAIL,
                        new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null, null, null), "申请公开某文件"))
                .when(new IssueDocument(ID, DOC, DocumentKind.RECEIPT, "中宁科信公受〔2026〕1号", "aa", "bb", on, null, null, 0L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DocumentIssued(ID, DOC, DocumentKind.RECEIPT, "中宁科信公受〔2026〕1号", "aa", "bb", on, null, null));
    }

    @Test
    void aNoticeRenderedFromFactsThatChangedSinceIsRefused() {
        LocalDate on = LocalDate.parse("2026-03-02");
        fixture.given(new RequestReceived(ID, "ZNX-2026-0001", "ZNX", on, Channel.MAIL,
                                new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null, null, null), "申请公开某文件"),
                        new cn.opengov.tracker.api.request.event.ReceiptDateCorrected(ID, on, on.plusDays(1), "录入错误"))
                .when(new IssueDocument(ID, DOC, DocumentKind.RECEIPT, "中宁科信公受〔2026〕1号", "aa", "bb", on, null, null, 0L))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }
}
