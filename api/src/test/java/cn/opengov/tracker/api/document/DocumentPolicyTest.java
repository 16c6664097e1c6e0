package cn.opengov.tracker.api.document;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentPolicyTest {

    private static final UUID ID = UUID.randomUUID();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static DocumentFacts facts(String receivedOn, RequestEvent... events) {
        DocumentFacts f = DocumentFacts.of(new RequestReceived(ID, "ZNX-2026-0001", "ZNX", d(receivedOn), Channel.MAIL,
                new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null, null, null), "申请公开某项目审批文件"), 0);
        long seq = 1;
        for (RequestEvent e : events) {
            f = f.apply(e, seq++);
        }
        return f;
    }

    private static void refused(DocumentKind kind, DocumentFacts f, Rule rule) {
        assertThatThrownBy(() -> DocumentPolicy.subject(kind, f, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(rule));
    }

    @Test
    void aReceiptIsDatedTheLegalDateOfReceiptEvenAfterItWasCorrected() {
        DocumentFacts f = facts("2026-03-02", new ReceiptDateCorrected(ID, d("2026-03-02"), d("2026-03-03"), "录入错误"));
        assertThat(DocumentPolicy.subject(DocumentKind.RECEIPT, f, null).datedOn()).isEqualTo(d("2026-03-03"));
        assertThat(f.version()).isEqualTo(1);
    }

    @Test
    void aNoticeForAStepNotRecordedIsRefusedByItsOwnRule() {
        DocumentFacts f = facts("2026-03-02");
        refused(DocumentKind.CORRECTION_NOTICE, f, Rule.DOCUMENT_NEEDS_CORRECTION_NOTICE);
        refused(DocumentKind.EXTENSION_NOTICE, f, Rule.DOCUMENT_NEEDS_EXTENSION);
        refused(DocumentKind.CONSULTATION_LETTER, f, Rule.DOCUMENT_NEEDS_CONSULTATION);
        refused(DocumentKind.FEE_NOTICE, f, Rule.DOCUMENT_NEEDS_FEE_NOTICE);
        refused(DocumentKind.DEFERRAL_NOTICE, f, Rule.DOCUMENT_NEEDS_DEFERRAL);
        refused(DocumentKind.ANSWER, f, Rule.DOCUMENT_NEEDS_ANSWER);
        assertThat(DocumentPolicy.offers(f)).extracting(DocumentPolicy.Offer::kind).containsExactly(DocumentKind.RECEIPT);
    }

    @Test
    void eachNoticeIsDatedTheDayOfTheStepItTellsOf() {
        DocumentFacts f = facts("2026-03-02",
                new CorrectionRequested(ID, d("2026-03-04"), "请写明项目名称", d("2026-03-18")),
                new CorrectionReceived(ID, d("2026-03-10")),
                new DeadlineExtended(ID, d("2026-04-01"), 10, "需调取档案", "王主任"),
                new ConsultationStarted(ID, "c1", ConsultationKind.THIRD_PARTY, "某公司", d("2026-03-12"), d("2026-03-13")),
                new ConsultationStarted(ID, "c2", ConsultationKind.OTHER_AGENCY, "县财政局", d("2026-03-16")),
                new ConsultationEnded(ID, "c1", d("2026-03-20")),
                new FeeNoticeIssued(ID, d("2026-03-17"), new BigDecimal("100.00")),
                new AnswerDeferred(ID, d("2026-04-10"), d("2026-05-20"), "申请数量明显超过合理范围"),
                new RequestAnswered(ID, d("2026-05-06"), OutcomeCategory.DISCLOSED, null),
                new OutcomeReclassified(ID, OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED, "部分涉及个人隐私"));
        assertThat(DocumentPolicy.subject(DocumentKind.CORRECTION_NOTICE, f, null).datedOn()).isEqualTo(d("2026-03-04"));
        assertThat(DocumentPolicy.subject(DocumentKind.EXTENSION_NOTICE, f, null).datedOn()).isEqualTo(d("2026-04-01"));
        assertThat(DocumentPolicy.subject(DocumentKind.CONSULTATION_LETTER, f, null).subjectId()).as("the latest").isEqualTo("c2");
        assertThat(DocumentPolicy.subject(DocumentKind.CONSULTATION_LETTER, f, "c1").datedOn()).isEqualTo(d("2026-03-12"));
        assertThat(DocumentPolicy.subject(DocumentKind.FEE_NOTICE, f, null).datedOn()).isEqualTo(d("2026-03-17"));
        assertThat(DocumentPolicy.subject(DocumentKind.DEFERRAL_NOTICE, f, null).datedOn()).isEqualTo(d("2026-04-10"));
        assertThat(DocumentPolicy.subject(DocumentKind.ANSWER, f, null).datedOn()).isEqualTo(d("2026-05-06"));
        assertThat(f.outcome()).as("the latest outcome").isEqualTo(OutcomeCategory.PARTIALLY_DISCLOSED);
        assertThat(f.consultation("c1").orElseThrow().endedOn()).isEqualTo(d("2026-03-20"));
        assertThat(DocumentPolicy.offers(f)).hasSize(8);
        assertThatThrownBy(() -> DocumentPolicy.subject(DocumentKind.CONSULTATION_LETTER, f, "nope"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.CONSULTATION_NOT_FOUND));
    }

    @Test
    void aReissuedNoticeSupersedesTheLastOfItsKindAndSubject() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        DocumentFacts f = facts("2026-03-02",
                new DocumentIssued(ID, first, DocumentKind.RECEIPT, "X受〔2026〕1号", "a", "b", d("2026-03-02"), null, null),
                new DocumentIssued(ID, second, DocumentKind.RECEIPT, "X受〔2026〕2号", "c", "d", d("2026-03-02"), null, first));
        assertThat(f.lastIssued(DocumentKind.RECEIPT, null).orElseThrow().documentId()).isEqualTo(second);
        assertThat(f.lastIssued(DocumentKind.ANSWER, null)).isEmpty();
    }

    @Test
    void requestsUnderThe2007RulesGetNoNotices() {
        DocumentFacts f = facts("2019-05-14");
        refused(DocumentKind.RECEIPT, f, Rule.DOCUMENT_RULES_2007);
        assertThat(DocumentPolicy.offers(f)).isEmpty();
        assertThat(DocumentPolicy.offers(facts("2019-05-15"))).hasSize(1);
    }

    @Test
    void numbersCarryTheKindsMarkSoKindsNeverShareANumber() {
        assertThat(DocumentKind.ANSWER.number("中宁科信公", 2026, 3)).isEqualTo("中宁科信公〔2026〕3号");
        assertThat(DocumentKind.RECEIPT.number("中宁科信公", 2026, 3)).isEqualTo("中宁科信公受〔2026〕3号");
        assertThat(java.util.Arrays.stream(DocumentKind.values()).map(DocumentKind::mark).distinct()).hasSize(DocumentKind.values().length);
    }
}
