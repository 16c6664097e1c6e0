package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.platform.testing.RawHttp;
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
 * Issue 11: text with NUL or another control character, or half of a surrogate pair, is refused in every field
 * of every body (400 naming the field) before anything is recorded: PostgreSQL cannot store a NUL in text, and a
 * projection that meets one would stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextInputTest extends CommandSideTest {

    private String agency;
    private UUID request;

    @BeforeAll
    void setUp() {
        agency = newAgency(null);
        request = log(admin(), agency, "2025-03-03");
    }

    /** JSON text of a request whose {@code @X} is replaced by the hostile text (as JSON escapes). */
    private static final String NEW_REQUEST = "{\"agencyCode\":\"@A\",\"receivedOn\":\"2025-03-03\",\"channel\":\"MAIL\","
            + "\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"%s\",\"phone\":\"%s\",\"address\":\"%s\",\"email\":\"%s\"},"
            + "\"description\":\"%s\"}";

    Stream<Arguments> hostileText() {
        String ok = "正常文字";
        return Stream.of(
                Arguments.of("NUL in the applicant's name", "/api/requests",
                        NEW_REQUEST.formatted("张\\u0000三", "", ok, "a@b.cn", ok), "applicant.name"),
                Arguments.of("NUL in the description", "/api/requests",
                        NEW_REQUEST.formatted("张三", "", ok, "a@b.cn", "申请\\u0000公开"), "description"),
                Arguments.of("bell in the address", "/api/requests",
                        NEW_REQUEST.formatted("张三", "", "某路\\u0007号", "a@b.cn", ok), "applicant.address"),
                Arguments.of("escape in the phone", "/api/requests",
                        NEW_REQUEST.formatted("张三", "138\\u001b0000", ok, "a@b.cn", ok), "applicant.phone"),
                Arguments.of("DEL in the description", "/api/requests",
                        NEW_REQUEST.formatted("张三", "", ok, "a@b.cn", "x\\u007fy"), "description"),
                Arguments.of("C1 control in the name", "/api/requests",
                        NEW_REQUEST.formatted("张\\u0085三", "", ok, "a@b.cn", ok), "applicant.name"),
                Arguments.of("lone high surrogate in the name", "/api/requests",
                        NEW_REQUEST.formatted("张\\ud800三", "", ok, "a@b.cn", ok), "applicant.name"),
                Arguments.of("lone low surrogate in the description", "/api/requests",
                        NEW_REQUEST.formatted("张三", "", ok, "a@b.cn", "\\udc00"), "description"),
                Arguments.of("NUL in the agency code", "/api/requests",
                        NEW_REQUEST.formatted("张三", "", ok, "a@b.cn", ok).replace("\"@A\"", "\"@A\\u0000\""), "agencyCode"),
                Arguments.of("NUL in a correction notice's items", "/api/requests/@R/correction-notice",
                        "{\"noticeOn\":\"2025-03-05\",\"items\":\"缺\\u0000件\",\"applicantDueOn\":\"2025-03-20\"}", "items"),
                Arguments.of("NUL in a consultation's party", "/api/requests/@R/consultations",
                        "{\"kind\":\"THIRD_PARTY\",\"party\":\"某\\u0000公司\",\"sentOn\":\"2025-03-05\"}", "party"),
                Arguments.of("NUL in an answer's note", "/api/requests/@R/answer",
                        "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\",\"note\":\"\\u0000\"}", "note"),
                Arguments.of("NUL in a reclassification's reason", "/api/requests/@R/outcome-reclassification",
                        "{\"outcome\":\"DISCLOSED\",\"reason\":\"原因\\u0002\"}", "reason"),
                Arguments.of("NUL in an enum value", "/api/requests/@R/answer",
                        "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\\u0000\"}", "outcome"),
                Arguments.of("NUL in a key", "/api/requests/@R/answer",
                        "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\",\"no\\u0000te\":\"x\"}", "no?te"),
                Arguments.of("NUL in a new agency's name", "/api/agencies",
                        "{\"code\":\"NUL1\",\"name\":\"机关\\u0000\"}", "name"),
                Arguments.of("NUL in a new user's password", "/api/users",
                        "{\"username\":\"nul-user\",\"password\":\"geheim\\u0000123\",\"role\":\"STAFF\",\"agencyCode\":\"@A\"}", "password"),
                Arguments.of("NUL in a year close's agency", "/api/years/2025/close",
                        "{\"agencyCode\":\"@A\\u0000\"}", "agencyCode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileText")
    void isRefusedNamingTheFieldAndRecordsNothing(String what, String path, String body, String field) {
        long before = eventCount();
        long agencies = jdbc.queryForObject("SELECT count(*) FROM agency", Long.class);
        ApiClient.Response r = admin().post(path.replace("@R", request.toString()),
                body.replace("@A", agency).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asText()).as(r.text()).isEqualTo(field);
        assertThat(r.text()).doesNotContain("\\u0000").doesNotContain("Exception");
        assertThat(eventCount()).as("nothing recorded").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agency", Long.class)).isEqualTo(agencies);
    }

    @Test
    void aNoticeUploadIsCheckedToo() {
        ApiClient.Response r = admin().put("/api/admin/calendar/2031", Map.of("year", 2031, "days",
                java.util.List.of(Map.of("name", "元旦\u0000", "date", "2031-01-01", "isOffDay", true))));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("days[0].name");
    }

    @Test
    void tabsNewlinesAndEveryPlaneAreText() {
        Map<String, Object> body = Map.of("agencyCode", agency, "receivedOn", "2025-03-03", "channel", "MAIL",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "𠀀𪚥 王"),
                "description", "第一行\n第二行\r\n\t缩进 😀");
        ApiClient.Response r = admin().post("/api/requests", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void aControlCharacterInAHeaderOrParameterIsRefusedToo() {
        long before = eventCount();
        String body = "{\"agencyCode\":\"" + agency + "\"}";
        RawHttp.Answer header = RawHttp.send(port, "POST /api/years/2025/close HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + basic("admin", "admin") + "\r\nContent-Type: application/json\r\nIdempotency-Key: a\u0001b",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(header.status()).as(header.body()).isEqualTo(400);
        assertThat(header.contentType()).startsWith("application/problem+json");
        ApiClient.Response q = admin().post("/api/years/2025/close?x=a%00b", Map.of("agencyCode", agency));
        assertThat(q.status()).as(q.text()).isEqualTo(400);
        assertThat(q.json().path("errors").get(0).path("field").asText()).isEqualTo("x");
        assertThat(eventCount()).isEqualTo(before);
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
