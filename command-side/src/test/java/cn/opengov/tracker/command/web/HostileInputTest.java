package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of hostile inputs: each gets the 4xx API.md promises, as problem+json with no stack trace or SQL, and
 * records nothing. Never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends CommandSideTest {

    private String agency;
    private UUID request;

    @BeforeAll
    void setUp() {
        agency = newAgency(null);
        request = log(admin(), agency, "2025-03-03");
    }

    Stream<Arguments> hostile() {
        String valid = "{\"agencyCode\":\"%s\",\"receivedOn\":\"%s\",\"channel\":\"%s\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"%s\"},\"description\":\"%s\"}";
        String nested = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        return Stream.of(
                Arguments.of("malformed JSON", "POST", "/api/requests", "{\"agencyCode\":", 400),
                Arguments.of("empty body", "POST", "/api/requests", "", 400),
                Arguments.of("JSON array", "POST", "/api/requests", "[]", 400),
                Arguments.of("JSON null", "POST", "/api/requests", "null", 400),
                Arguments.of("wrong types", "POST", "/api/requests", "{\"agencyCode\":5,\"receivedOn\":true,\"channel\":[],\"applicant\":\"x\",\"description\":{}}", 400),
                Arguments.of("impossible date", "POST", "/api/requests", valid.formatted("@A", "2024-02-30", "MAIL", "王五", "x"), 400),
                Arguments.of("date in another format", "POST", "/api/requests", valid.formatted("@A", "30/01/2024", "MAIL", "王五", "x"), 400),
                Arguments.of("date in the future", "POST", "/api/requests", valid.formatted("@A", "2030-01-01", "MAIL", "王五", "x"), 400),
                Arguments.of("unknown channel", "POST", "/api/requests", valid.formatted("@A", "2024-01-30", "PIGEON", "王五", "x"), 400),
                Arguments.of("missing applicant", "POST", "/api/requests", "{\"agencyCode\":\"@A\",\"receivedOn\":\"2024-01-30\",\"channel\":\"MAIL\",\"description\":\"x\"}", 400),
                Arguments.of("blank name", "POST", "/api/requests", valid.formatted("@A", "2024-01-30", "MAIL", "   ", "x"), 400),
                Arguments.of("name too long", "POST", "/api/requests", valid.formatted("@A", "2024-01-30", "MAIL", "王".repeat(300), "x"), 400),
                Arguments.of("body over 64 KiB", "POST", "/api/requests", valid.formatted("@A", "2024-01-30", "MAIL", "王五", "x".repeat(70_000)), 413),
                Arguments.of("deeply nested JSON", "POST", "/api/requests", nested, 400),
                Arguments.of("unknown agency", "POST", "/api/requests", valid.formatted("NO-SUCH-AGENCY", "2024-01-30", "MAIL", "王五", "x"), 404),
                Arguments.of("invalid ID number", "POST", "/api/requests", "{\"agencyCode\":\"@A\",\"receivedOn\":\"2024-01-30\",\"channel\":\"MAIL\",\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"王五\",\"idNumber\":\"110105194912310021\"},\"description\":\"x\"}", 400),
                Arguments.of("unknown outcome", "POST", "/api/requests/@R/answer", "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"NOPE\"}", 400),
                Arguments.of("outcome of wrong type", "POST", "/api/requests/@R/answer", "{\"answeredOn\":\"2025-03-10\",\"outcome\":7}", 400),
                Arguments.of("working days as text", "POST", "/api/requests/@R/extension", "{\"approvedOn\":\"2025-03-10\",\"workingDays\":\"abc\",\"reason\":\"r\"}", 400),
                Arguments.of("working days as a fraction", "POST", "/api/requests/@R/extension", "{\"approvedOn\":\"2025-03-10\",\"workingDays\":3.5,\"reason\":\"r\"}", 400),
                Arguments.of("working days negative", "POST", "/api/requests/@R/extension", "{\"approvedOn\":\"2025-03-10\",\"workingDays\":-3,\"reason\":\"r\"}", 400),
                Arguments.of("unknown request id", "POST", "/api/requests/" + UUID.randomUUID() + "/answer", "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\"}", 404),
                Arguments.of("malformed request id", "POST", "/api/requests/abc'--/answer", "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\"}", 404),
                Arguments.of("unknown consultation", "POST", "/api/requests/@R/consultations/nope/end", "{\"endedOn\":\"2025-03-10\"}", 404),
                Arguments.of("year far out of range", "POST", "/api/years/99999999999/close", "{\"agencyCode\":\"@A\"}", 400),
                Arguments.of("unknown path", "POST", "/api/nothing-here", "{}", 404),
                Arguments.of("wrong method", "GET", "/api/requests/@R/answer", null, 405),
                Arguments.of("fee amount negative", "POST", "/api/requests/@R/fee-notice", "{\"noticeOn\":\"2025-03-10\",\"amountYuan\":-1}", 400),
                Arguments.of("fee amount with too many decimals", "POST", "/api/requests/@R/fee-notice", "{\"noticeOn\":\"2025-03-10\",\"amountYuan\":1.234}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedWithAProblemAndRecordsNothing(String what, String method, String path, String body, int status) {
        long before = eventCount();
        String p = path.replace("@R", request.toString());
        String b = body == null ? null : body.replace("@A", agency);
        ApiClient.Response r = "GET".equals(method) ? admin().get(p) : admin().post(p, b.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("title").asText()).isNotBlank();
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("SELECT").doesNotContain("at cn.opengov");
        assertThat(eventCount()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        ApiClient.Response r = admin().post("/api/requests/" + request + "/answer", Map.of("answeredOn", "2025-03-10", "outcome", "NOPE"));
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("outcome");
        assertThat(r.text()).contains("DISCLOSED").contains("OTHER_FEE_UNPAID");
    }

    @Test
    void aValidationErrorNamesTheField() {
        ApiClient.Response r = admin().post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2024-02-30"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("receivedOn");
    }

    @Test
    void sqlAndScriptFragmentsAreStoredAsPlainText() {
        Map<String, Object> body = Map.of("agencyCode", agency, "receivedOn", "2025-03-03", "channel", "ONLINE",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "<script>alert(1)</script>"),
                "description", "'); DROP TABLE request_index; --");
        ApiClient.Response r = admin().post("/api/requests", body);
        assertThat(r.status()).isEqualTo(201);
        String id = r.field("requestId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_index WHERE request_id = ?::uuid", Long.class, id)).isEqualTo(1);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, id);
        assertThat(payload).contains("DROP TABLE request_index").contains("<script>alert(1)</script>");
    }

    @Test
    void noCredentialsOrAWrongPasswordIs401() {
        ApiClient anonymous = ApiClient.at("http://localhost:" + port);
        assertThat(anonymous.post("/api/requests", Map.of()).status()).isEqualTo(401);
        assertThat(as("admin", "wrong").post("/api/requests", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/requests", Map.of()).header("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
