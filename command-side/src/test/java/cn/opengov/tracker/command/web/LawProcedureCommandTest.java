package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2b's steps over HTTP (API.md): what is recorded, and what is refused with which status. */
class LawProcedureCommandTest extends CommandSideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode lastEvent(UUID requestId, String type) throws Exception {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ? ORDER BY sequence_number DESC LIMIT 1", byte[].class, requestId.toString(), "%." + type);
        return JSON.readTree(payload);
    }

    private ApiClient.Response post(UUID id, String step, Map<String, Object> body) {
        return admin().post("/api/requests/" + id + step, body);
    }

    /** 条例第二十九条第二款第三项: the requested form of delivery is recorded on receipt; an unknown one is refused. */
    @Test
    void logsTheRequestedFormOfDelivery() throws Exception {
        String agency = newAgency(null);
        Map<String, Object> body = new HashMap<>(request(agency, "2025-03-03"));
        body.put("deliveryForm", "PAPER_MAIL");
        ApiClient.Response logged = admin().post("/api/requests", body);
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        assertThat(lastEvent(UUID.fromString(logged.field("requestId")), "RequestReceived").path("deliveryForm").asText())
                .isEqualTo("PAPER_MAIL");
        body.put("deliveryForm", "CARRIER_PIGEON");
        ApiClient.Response refused = admin().post("/api/requests", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("PAPER_MAIL");
    }

    /** 条例第三十三条第二款: the approver is recorded; old clients may leave it out. */
    @Test
    void recordsTheExtensionsApprover() throws Exception {
        String agency = newAgency(null);
        UUID id = log(admin(), agency, "2025-03-03");
        assertThat(post(id, "/extension", Map.of("approvedOn", "2025-03-20", "workingDays", 10, "reason", "需要调查",
                "approvedBy", "办公室主任王五")).status()).isEqualTo(200);
        assertThat(lastEvent(id, "DeadlineExtended").path("approvedBy").asText()).isEqualTo("办公室主任王五");
        UUID old = log(admin(), agency, "2025-03-03");
        assertThat(post(old, "/extension", Map.of("approvedOn", "2025-03-20", "workingDays", 10, "reason", "需要调查")).status())
                .isEqualTo(200);
        assertThat(lastEvent(old, "DeadlineExtended").path("approvedBy").isNull()).isTrue();
    }

    /** 条例第三十五条: deferred once, to a date after the current due date. */
    @Test
    void defersTheAnswerOnce() {
        String agency = newAgency(null);
        UUID id = log(admin(), agency, "2025-03-03");
        Map<String, Object> deferral = Map.of("decidedOn", "2025-03-28", "dueOn", "2025-04-30", "reason", "申请数量明显超过合理范围");
        assertThat(post(id, "/answer-deferral", deferral).status()).isEqualTo(200);
        ApiClient.Response again = post(id, "/answer-deferral", deferral);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("ALREADY_DEFERRED");
        assertThat(post(id, "/answer-deferral", Map.of("decidedOn", "2025-03-28")).status()).isEqualTo(400);
        assertThat(eventsOf(id, "AnswerDeferred")).isEqualTo(1);
    }

    /** 国办函〔2020〕109号第六条: a notice after the answer due date is refused (received 2025-01-20: due 02-21). */
    @Test
    void refusesAFeeNoticeAfterTheDueDate() {
        String agency = newAgency(null);
        UUID id = log(admin(), agency, "2025-01-20");
        ApiClient.Response late = post(id, "/fee-notice", Map.of("noticeOn", "2025-06-03", "amountYuan", 100));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("code").asText()).isEqualTo("FEE_NOTICE_AFTER_DUE");
        assertThat(post(id, "/fee-notice", Map.of("noticeOn", "2025-02-21", "amountYuan", 100)).status()).isEqualTo(200);
    }

    /**
     * 109号第四条: the command side counts the same applicant's earlier requests of the month (by ID number) and
     * records the proposal; the 11th costs 100元, the 1st nothing, so charging it needs a reason.
     */
    @Test
    void proposesThePerRequestFeeFromTheApplicantsRequestsOfTheMonth() throws Exception {
        String agency = newAgency(null);
        UUID first = null;
        UUID eleventh = null;
        for (int i = 1; i <= 11; i++) {
            Map<String, Object> body = new HashMap<>(request(agency, "2025-03-" + String.format("%02d", i + 2)));
            body.put("applicant", Map.of("type", "NATURAL_PERSON", "name", i % 2 == 0 ? "张三" : "张叁", "idNumber", "11010519491231002X"));
            UUID id = UUID.fromString(admin().post("/api/requests", body).field("requestId"));
            first = first == null ? id : first;
            eleventh = id;
        }
        log(admin(), agency, "2025-03-04"); // another applicant: not counted
        ApiClient.Response charged = post(eleventh, "/fee-notice", Map.of("noticeOn", "2025-03-20", "amountYuan", 100,
                "basis", "PER_REQUEST", "deliveredOn", "2025-03-21"));
        assertThat(charged.status()).as(charged.text()).isEqualTo(200);
        JsonNode notice = lastEvent(eleventh, "FeeNoticeIssued");
        assertThat(notice.path("proposedAmountYuan").decimalValue()).isEqualByComparingTo("100");
        assertThat(notice.path("quantity").asInt()).isEqualTo(1);
        assertThat(notice.path("basis").asText()).isEqualTo("PER_REQUEST");
        assertThat(notice.path("deliveredOn").asText()).isEqualTo("2025-03-21");

        ApiClient.Response free = post(first, "/fee-notice", Map.of("noticeOn", "2025-03-20", "amountYuan", 100, "basis", "PER_REQUEST"));
        assertThat(free.status()).isEqualTo(400);
        assertThat(free.json().path("errors").get(0).path("field").asText()).isEqualTo("overrideReason");
        assertThat(post(first, "/fee-notice", Map.of("noticeOn", "2025-03-20", "amountYuan", 100, "basis", "PER_REQUEST",
                "overrideReason", "按一事一申请拆分后超出免费件数")).status()).isEqualTo(200);
        assertThat(lastEvent(first, "FeeNoticeIssued").path("proposedAmountYuan").decimalValue()).isEqualByComparingTo("0");
    }

    /** SPEC §2b: a staff member of the request's own agency, reassignable; anyone else is refused. */
    @Test
    void assignsAStaffMemberOfTheRequestsAgency() {
        String agency = newAgency(null);
        String other = newAgency(null);
        String clerk = "c" + agency.toLowerCase();
        String stranger = "s" + other.toLowerCase();
        assertThat(admin().post("/api/users", Map.of("username", clerk, "password", "secret-123", "role", "STAFF",
                "agencyCode", agency)).status()).isEqualTo(201);
        assertThat(admin().post("/api/users", Map.of("username", stranger, "password", "secret-123", "role", "STAFF",
                "agencyCode", other)).status()).isEqualTo(201);
        UUID id = log(admin(), agency, "2025-03-03");
        assertThat(post(id, "/assignment", Map.of("username", clerk)).status()).isEqualTo(200);
        assertThat(post(id, "/assignment", Map.of("username", clerk)).status()).isEqualTo(409);
        ApiClient.Response outside = post(id, "/assignment", Map.of("username", stranger));
        assertThat(outside.status()).isEqualTo(409);
        assertThat(outside.json().path("code").asText()).isEqualTo("ASSIGNEE_NOT_OF_AGENCY");
        assertThat(post(id, "/assignment", Map.of("username", "admin")).status()).isEqualTo(409);
        assertThat(post(id, "/assignment", Map.of("username", "nobody-" + agency)).status()).isEqualTo(400);
        assertThat(post(id, "/assignment", Map.of()).status()).isEqualTo(400);
        answer(id, "2025-03-20", "DISCLOSED");
        assertThat(as(clerk, "secret-123").post("/api/requests/" + id + "/assignment", Map.of("username", clerk)).status())
                .as("after the answer too; the same one again is no change").isEqualTo(409);
        assertThat(eventsOf(id, "RequestAssigned")).isEqualTo(1);
    }
}
