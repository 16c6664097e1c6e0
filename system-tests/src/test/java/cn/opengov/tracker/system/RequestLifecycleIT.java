package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request's whole life through both sides, as a clerk records it, with the deadlines and the board read
 * back after every step (read-your-writes): a story in the manner of a cargo lifecycle scenario.
 */
class RequestLifecycleIT {

    private final SystemUnderTest system = SystemUnderTest.get();
    // as a clerk's office reaches it: writes and reads through the single address
    private final ApiClient clerk = system.atSingleAddress("admin", "admin");
    private final ApiClient reader = clerk;

    private JsonNode detail(String id) {
        return reader.get("/api/requests/" + id).json();
    }

    private JsonNode boardLine(String agency, String asOf, String id) {
        for (JsonNode item : reader.get("/api/deadlines?agencyCode=" + agency + "&asOf=" + asOf).json().path("items")) {
            if (item.path("requestId").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private void step(String id, String path, Map<String, Object> body, int status) {
        ApiClient.Response r = clerk.post("/api/requests/" + id + path, body);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(status);
    }

    @Test
    void aRequestFromReceiptToAnswerWithEveryStepOnTheWay() {
        String agency = "LC" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        assertThat(clerk.post("/api/agencies", Map.of("code", agency, "name", "某县住建局")).status()).isEqualTo(201);
        ApiClient.Response logged = clerk.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2025-03-03",
                "channel", "MAIL", "applicant", Map.of("type", "COMMERCIAL_ENTERPRISE", "name", "某建筑公司",
                        "idNumber", "91350100M000100Y43"), "description", "申请公开某项目规划许可"));
        assertThat(logged.status()).isEqualTo(201);
        String id = logged.field("requestId");
        assertThat(logged.field("trackingNo")).isEqualTo(agency + "-2025-0001");

        JsonNode fresh = detail(id);
        assertThat(fresh.path("answerDueOn").asText()).isEqualTo("2025-03-31");
        assertThat(fresh.path("correctionNoticeDueOn").asText()).isEqualTo("2025-03-12");
        assertThat(boardLine(agency, "2025-03-04", id).path("state").asText()).isEqualTo("ON_TRACK");

        step(id, "/correction-notice", Map.of("noticeOn", "2025-03-05", "items", "请写明项目名称", "applicantDueOn", "2025-03-20"), 200);
        assertThat(detail(id).path("answerDueOn").isNull()).isTrue();
        assertThat(boardLine(agency, "2025-03-06", id).path("state").asText()).isEqualTo("AWAITING_CORRECTION");
        step(id, "/correction-notice", Map.of("noticeOn", "2025-03-06", "items", "again", "applicantDueOn", "2025-03-20"), 409);

        step(id, "/correction-received", Map.of("receivedOn", "2025-03-10"), 200);
        String consultation = clerk.post("/api/requests/" + id + "/consultations",
                Map.of("kind", "THIRD_PARTY", "party", "项目建设单位", "sentOn", "2025-03-12")).field("consultationId");
        assertThat(boardLine(agency, "2025-03-13", id).path("state").asText()).isEqualTo("SUSPENDED");
        step(id, "/consultations/" + consultation + "/end", Map.of("endedOn", "2025-03-19"), 200);
        step(id, "/extension", Map.of("approvedOn", "2025-03-25", "workingDays", 10, "reason", "涉及多个部门"), 200);
        step(id, "/extension", Map.of("approvedOn", "2025-03-26", "workingDays", 5, "reason", "again"), 409);
        step(id, "/fee-notice", Map.of("noticeOn", "2025-03-26", "amountYuan", 100), 200);
        step(id, "/fee-paid", Map.of("paidOn", "2025-03-28"), 200);

        JsonNode before = detail(id);
        JsonNode answer = before.path("deadlines").path("answer");
        assertThat(answer.path("start").asText()).isEqualTo("2025-03-10");
        assertThat(answer.path("workingDays").asInt()).isEqualTo(30);
        assertThat(answer.path("pausedWorkingDays").asInt()).isEqualTo(7);
        assertThat(answer.path("explanation").asText()).contains("补正").contains("延长10个工作日").contains("中止计时7个工作日");
        assertThat(before.path("nextSteps").toString()).contains("ANSWER").doesNotContain("CORRECTION_NOTICE").doesNotContain("EXTENSION");

        step(id, "/answer", Map.of("answeredOn", "2025-04-30", "outcome", "PARTIALLY_DISCLOSED"), 200);
        JsonNode done = detail(id);
        assertThat(done.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(boardLine(agency, "2025-05-06", id)).isNull();
        List<String> types = new ArrayList<>();
        done.path("history").forEach(h -> types.add(h.path("type").asText()));
        assertThat(types).containsExactly("RequestReceived", "CorrectionRequested", "CorrectionReceived", "ConsultationStarted",
                "ConsultationEnded", "DeadlineExtended", "FeeNoticeIssued", "FeePaid", "RequestAnswered");
        done.path("history").forEach(h -> assertThat(h.path("recordedBy").asText()).isEqualTo("admin"));
        assertThat(done.path("applicant").path("idNumber").asText()).isEqualTo("91350100M000100Y43");
        JsonNode listed = reader.get("/api/requests?agencyCode=" + agency).json().path("items").get(0);
        assertThat(listed.path("applicant").path("idNumber").asText()).isEqualTo("9135**********0Y43");
    }
}
