package cn.opengov.tracker.query;

import cn.opengov.tracker.api.fee.FeeFigures;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.testing.RandomLifecycles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models of SPEC §2b, fed by events replayed into the real PostgreSQL: the rule set, consultation reply
 * limits, 延迟答复, the 承办人 and the fee figures of section 六 on the board, the list, the detail and the reports.
 */
class LawProcedureProjectionTest extends QuerySideTest {

    /** 2007年条例第二十四条第二款 before 2019-05-15; a corrected date of receipt across it changes the deadline. */
    @Test
    void theBoardAndTheDetailNameTheRuleSetAndFollowACorrectionAcrossIt() {
        String agency = newAgency(null);
        UUID march = received(agency, "2019-03-01");
        assertThat(boardLine(agency, "2019-03-04", march).path("answerDueOn").asText()).isEqualTo("2019-03-22");
        assertThat(boardLine(agency, "2019-03-04", march).path("ruleSet").asText()).isEqualTo("2007");
        JsonNode detail = get("/api/requests/" + march).json();
        assertThat(detail.path("ruleSet").asText()).isEqualTo("2007");
        assertThat(detail.path("correctionNoticeDueOn").isNull()).as("no 补正 limit under 2007").isTrue();
        assertThat(detail.path("deadlines").path("answer").path("explanation").asText())
                .contains("2007年《政府信息公开条例》").contains("15个工作日").contains("第二十四条第二款");

        UUID may = received(agency, "2019-05-14");
        assertThat(boardLine(agency, "2019-05-20", may).path("answerDueOn").asText()).isEqualTo("2019-06-04");
        append(may, new ReceiptDateCorrected(may, d("2019-05-14"), d("2019-05-15"), "登记错误"));
        JsonNode corrected = boardLine(agency, "2019-05-20", may);
        assertThat(corrected.path("ruleSet").asText()).isEqualTo("2019");
        assertThat(corrected.path("answerDueOn").asText()).isEqualTo("2019-06-13");
        assertThat(corrected.path("correctionNoticeDueOn").asText()).isEqualTo("2019-05-24");
        assertThat(get("/api/requests/" + may).json().path("deadlines").path("answer").path("explanation").asText())
                .contains("2019年修订").contains("20个工作日").contains("第三十三条第二款");
    }

    /** 条例第三十二条、第三十四条: suspended until the reply limit, then counted again and flagged 征求意见已超期. */
    @Test
    void aConsultationOpenPastItsReplyLimitCountsAgainAndIsFlagged() {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-03");
        append(id, new ConsultationStarted(id, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10")));
        JsonNode within = boardLine(agency, "2025-03-31", id);
        assertThat(within.path("state").asText()).isEqualTo("SUSPENDED");
        assertThat(within.path("consultationOverdue").asBoolean()).isFalse();
        JsonNode after = boardLine(agency, "2025-04-01", id);
        assertThat(after.path("state").asText()).isEqualTo("ON_TRACK");
        assertThat(after.path("answerDueOn").asText()).isEqualTo("2025-04-22");
        assertThat(after.path("consultationOverdue").asBoolean()).isTrue();
        assertThat(get("/api/deadlines?agencyCode=" + agency + "&asOf=2025-04-01&state=SUSPENDED").json().path("items").size())
                .as("no longer hides as SUSPENDED").isZero();

        JsonNode detail = get("/api/requests/" + id).json();
        assertThat(detail.path("consultationOverdue").asBoolean()).isTrue();
        assertThat(detail.path("answerDueOn").asText()).isEqualTo("2025-04-22");
        assertThat(detail.path("consultations").get(0).path("replyDueOn").asText()).isEqualTo("2025-03-31");
        assertThat(detail.path("consultations").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(detail.path("deadlines").path("answer").path("explanation").asText()).contains("征求意见逾期未复");
    }

    /** The reply limit counts from the day the letter arrived, when that is recorded. */
    @Test
    void aDeliveredLetterCountsItsReplyLimitFromDelivery() {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-03");
        append(id, new ConsultationStarted(id, "c1", ConsultationKind.OTHER_AGENCY, "县财政局", d("2025-03-10"), d("2025-03-12")));
        assertThat(boardLine(agency, "2025-04-02", id).path("state").asText()).isEqualTo("SUSPENDED");
        assertThat(boardLine(agency, "2025-04-03", id).path("consultationOverdue").asBoolean()).isTrue();
    }

    /** 条例第三十五条: the board counts to the deferred due date. */
    @Test
    void aDeferredAnswerIsDueOnTheDateTheAgencySet() {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-03");
        append(id, new AnswerDeferred(id, d("2025-03-28"), d("2025-04-30"), "申请数量明显超过合理范围"));
        assertThat(boardLine(agency, "2025-04-01", id).path("answerDueOn").asText()).isEqualTo("2025-04-30");
        assertThat(boardLine(agency, "2025-04-01", id).path("state").asText()).isEqualTo("ON_TRACK");
        assertThat(boardLine(agency, "2025-03-27", id).path("answerDueOn").asText()).as("before the decision").isEqualTo("2025-03-31");
        JsonNode detail = get("/api/requests/" + id).json();
        assertThat(detail.path("deferral").path("dueOn").asText()).isEqualTo("2025-04-30");
        assertThat(detail.path("deferral").path("reason").asText()).isEqualTo("申请数量明显超过合理范围");
        assertThat(detail.path("deadlines").path("answer").path("explanation").asText()).contains("第三十五条");
    }

    /** 条例第三十三条第二款: an extension recorded without the head of office's consent is flagged. */
    @Test
    void anExtensionWithoutItsApproverIsFlagged() {
        String agency = newAgency(null);
        UUID without = received(agency, "2025-03-03");
        append(without, new DeadlineExtended(without, d("2025-03-20"), 10, "需要调查"));
        UUID with = received(agency, "2025-03-03");
        append(with, new DeadlineExtended(with, d("2025-03-20"), 10, "需要调查", "办公室主任王五"));
        assertThat(get("/api/requests/" + without).json().path("extension").path("approvalMissing").asBoolean()).isTrue();
        JsonNode approved = get("/api/requests/" + with).json().path("extension");
        assertThat(approved.path("approvalMissing").asBoolean()).isFalse();
        assertThat(approved.path("approvedBy").asText()).isEqualTo("办公室主任王五");
    }

    /** SPEC §2b: the 承办人 on the detail, the board and the list, each filterable by it. */
    @Test
    void theAssigneeIsShownAndFiltersTheBoardAndTheList() {
        String agency = newAgency(null);
        UUID mine = received(agency, "2025-03-03");
        UUID theirs = received(agency, "2025-03-04");
        append(mine, new RequestAssigned(mine, "staff", null));
        append(theirs, new RequestAssigned(theirs, "lisi", null), new RequestAssigned(theirs, "staff2", "lisi"));
        assertThat(get("/api/requests/" + mine).json().path("assignee").asText()).isEqualTo("staff");
        assertThat(boardLine(agency, "2025-03-05", theirs).path("assignee").asText()).isEqualTo("staff2");
        JsonNode board = get("/api/deadlines?agencyCode=" + agency + "&asOf=2025-03-05&assignee=staff").json();
        assertThat(board.path("items").size()).isEqualTo(1);
        assertThat(board.path("items").get(0).path("requestId").asText()).isEqualTo(mine.toString());
        JsonNode list = get("/api/requests?agencyCode=" + agency + "&assignee=staff2").json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("requestId").asText()).isEqualTo(theirs.toString());
    }

    /** 条例第二十九条第二款第三项: the requested form of delivery on the detail. */
    @Test
    void theRequestedFormOfDeliveryIsShown() {
        String agency = newAgency(null);
        UUID id = UUID.randomUUID();
        append(id, new RequestReceived(id, agency + "-2025-" + id.toString().substring(0, 4), agency, d("2025-03-03"),
                Channel.MAIL, new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null, null, null), "申请公开某事项",
                DeliveryForm.PAPER_MAIL));
        JsonNode detail = get("/api/requests/" + id).json();
        assertThat(detail.path("deliveryForm").asText()).isEqualTo("PAPER_MAIL");
        assertThat(detail.path("deliveryFormLabel").asText()).isEqualTo("纸质文本，邮寄");
    }

    /**
     * 109号第四条: the proposal counts the same applicant's requests to the agency in the month; 第五条 the pages;
     * before 2021 there are no tiers.
     */
    @Test
    void theFeeProposalCountsTheSameApplicantsRequestsOfTheMonth() {
        String agency = newAgency(null);
        Applicant zhang = new Applicant(ApplicantType.NATURAL_PERSON, "张三", "11010519491231002X", null, null, null);
        UUID last = null;
        for (int i = 1; i <= 12; i++) {
            last = UUID.randomUUID();
            append(last, new RequestReceived(last, agency + "-2025-" + String.format("%04d", i), agency,
                    d("2025-03-" + String.format("%02d", i + 2)), Channel.ONLINE, zhang, "申请" + i));
        }
        UUID other = received(agency, "2025-03-20");
        JsonNode twelfth = get("/api/requests/" + last + "/fee-proposal?basis=PER_REQUEST").json();
        assertThat(twelfth.path("applicable").asBoolean()).isTrue();
        assertThat(twelfth.path("firstPositionInMonth").asInt()).isEqualTo(12);
        assertThat(new BigDecimal(twelfth.path("amountYuan").asText())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(get("/api/requests/" + other + "/fee-proposal?basis=PER_REQUEST").json().path("amountYuan").asText()))
                .as("another applicant's first").isEqualByComparingTo("0");
        assertThat(new BigDecimal(get("/api/requests/" + last + "/fee-proposal?basis=PER_VOLUME&pages=120").json().path("amountYuan").asText()))
                .isEqualByComparingTo("1100");
        assertThat(get("/api/requests/" + last + "/fee-proposal?basis=PER_VOLUME").status()).isEqualTo(400);
        assertThat(get("/api/requests/" + last + "/fee-proposal?basis=PER_REQUEST&noticeOn=2020-12-31").json()
                .path("applicable").asBoolean()).isFalse();
    }

    /** Section 六: notices by the year issued, payments by the year paid, with their amounts; in the exports too. */
    @Test
    void theFeeFiguresCountNoticesAndPaymentsByTheirYear() {
        String county = newAgency(null);
        String department = newAgency(county);
        UUID a = received(county, "2025-12-01");
        append(a, new FeeNoticeIssued(a, d("2025-12-05"), new BigDecimal("100.00"), null, FeeBasis.PER_REQUEST),
                new FeePaid(a, d("2026-01-06")));
        UUID b = received(department, "2025-06-02");
        append(b, new FeeNoticeIssued(b, d("2025-06-05"), new BigDecimal("1100.00"), d("2025-06-09"), FeeBasis.PER_VOLUME),
                new FeePaid(b, d("2025-06-20")));
        answered(b, "2025-07-01", OutcomeCategory.DISCLOSED);
        JsonNode tree2025 = get("/api/reports/2025/fees?agencyCode=" + county + "&includeSubAgencies=true").json();
        assertThat(tree2025.path("noticesIssued").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(tree2025.path("amountNoticedYuan").asText())).isEqualByComparingTo("1200");
        assertThat(tree2025.path("feesPaid").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(tree2025.path("amountPaidYuan").asText())).isEqualByComparingTo("1100");
        JsonNode county2026 = get("/api/reports/2026/fees?agencyCode=" + county).json();
        assertThat(county2026.path("noticesIssued").asLong()).isZero();
        assertThat(county2026.path("feesPaid").asLong()).isEqualTo(1);
        assertThat(get("/api/reports/2025/matrix.csv?agencyCode=" + county + "&includeSubAgencies=true").text())
                .contains("六、其他需要报告的事项").contains("信息处理费收取情况").contains("收费通知2件，金额1200.00元");
        assertThat(get("/api/reports/2024/matrix.html?agencyCode=" + county).text()).contains("2024年未发出信息处理费收费通知，未收取信息处理费");
    }

    /** Many random lifecycles: the pre-aggregated fee figures equal the definition (FeeFigures) applied to them. */
    @Test
    void theFeeFiguresAgreeWithTheDefinitionForRandomLifecycles() {
        String county = newAgency(null);
        String department = newAgency(county);
        List<RequestState> states = new ArrayList<>();
        for (RandomLifecycles.Lifecycle l : new RandomLifecycles(109).next(300, List.of(county, department), null)) {
            RequestState state = null;
            for (RequestEvent event : l.events()) {
                append(l.requestId(), event);
                state = RequestState.next(state, event);
            }
            states.add(state);
        }
        for (int year = 2022; year <= 2025; year++) {
            FeeFigures expected = FeeFigures.of(year, states);
            JsonNode actual = get("/api/reports/" + year + "/fees?agencyCode=" + county + "&includeSubAgencies=true").json();
            assertThat(actual.path("noticesIssued").asLong()).as(year + " notices").isEqualTo(expected.noticesIssued());
            assertThat(new BigDecimal(actual.path("amountNoticedYuan").asText())).isEqualByComparingTo(expected.amountNoticedYuan());
            assertThat(actual.path("feesPaid").asLong()).as(year + " paid").isEqualTo(expected.feesPaid());
            assertThat(new BigDecimal(actual.path("amountPaidYuan").asText())).isEqualByComparingTo(expected.amountPaidYuan());
        }
        assertThat(FeeFigures.of(2023, states).noticesIssued()).as("the lifecycles issue some").isPositive();
    }
}
