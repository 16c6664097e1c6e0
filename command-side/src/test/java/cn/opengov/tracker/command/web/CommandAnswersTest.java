package cn.opengov.tracker.command.web;

import cn.opengov.tracker.command.request.web.RequestBodies;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers of the command endpoints keep their fields, in order (API.md). */
class CommandAnswersTest extends CommandSideTest {

    @Autowired
    ObjectMapper json;

    private static List<String> fields(ApiClient.Response r) {
        List<String> names = new ArrayList<>();
        JsonNode body = r.json();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyAnswerKeepsItsFields() {
        String agency = newAgency(null);
        ApiClient.Response logged = admin().post("/api/requests", request(agency, "2025-03-03"));
        assertThat(fields(logged)).containsExactly("requestId", "trackingNo");
        UUID id = UUID.fromString(logged.field("requestId"));
        ApiClient.Response step = admin().post("/api/requests/" + id + "/correction-notice",
                Map.of("noticeOn", "2025-03-04", "items", "请补正", "applicantDueOn", "2025-03-20"));
        assertThat(fields(step)).containsExactly("requestId");
        assertThat(step.field("requestId")).isEqualTo(id.toString());
        ApiClient.Response consultation = admin().post("/api/requests/" + id + "/consultations",
                Map.of("kind", "THIRD_PARTY", "party", "某公司", "sentOn", "2025-03-05"));
        assertThat(consultation.status()).isEqualTo(201);
        assertThat(fields(consultation)).containsExactly("requestId", "consultationId");
        ApiClient.Response reconsideration = admin().post("/api/requests/" + id + "/reconsiderations", Map.of("filedOn", "2025-03-06"));
        assertThat(fields(reconsideration)).containsExactly("requestId", "caseId");
        ApiClient.Response closed = admin().post("/api/years/2025/close", Map.of("agencyCode", agency));
        assertThat(fields(closed)).containsExactly("year", "agencyCode", "carriedOver");
        assertThat(closed.json().path("carriedOver").asInt()).isEqualTo(1);
        ApiClient.Response published = admin().post("/api/years/2025/publish", Map.of("agencyCode", agency));
        assertThat(fields(published)).containsExactly("year", "agencyCode", "includeSubAgencies", "publishedBy", "balanced");
        ApiClient.Response agencyCreated = admin().post("/api/agencies", Map.of("code", agency + "-X", "name", "下级", "parentCode", agency));
        assertThat(fields(agencyCreated)).containsExactly("code", "name", "parentCode");
        ApiClient.Response user = admin().post("/api/users", Map.of("username", "u" + agency.toLowerCase(), "password", "password1",
                "role", "STAFF", "agencyCode", agency));
        assertThat(fields(user)).containsExactly("username", "role", "agencyCode");
    }

    /** An Idempotency-Key's hash is taken of the request to log: its JSON must stay that of the body. */
    @Test
    void theRequestToLogReadsAsTheBodyItCameIn() throws Exception {
        RequestBodies.NewRequest body = json.convertValue(Map.of("agencyCode", "ZNX", "receivedOn", "2025-03-03",
                "channel", "MAIL", "applicant", Map.of("type", "NATURAL_PERSON", "name", " 李四 ", "idNumber", "11010519491231002x",
                        "phone", "138"), "description", " 某事项 "), RequestBodies.NewRequest.class);
        assertThat(json.writeValueAsString(body.toRequest())).isEqualTo(json.writeValueAsString(body));
    }
}
