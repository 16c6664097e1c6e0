package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.platform.testing.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "500s for client input": JSON is parsed strictly (no duplicate keys, no trailing tokens, no numbers or
 * arrays as dates, no booleans or numbers taken as text), a wildcard content type is refused, and the server's own
 * refusals (raw UTF-8 in a query, an encoded slash or NUL in a path, oversized headers, TRACE) are problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest extends CommandSideTest {

    private String agency;
    private UUID request;

    @BeforeAll
    void setUp() {
        agency = newAgency(null);
        request = log(admin(), agency, "2025-03-03");
    }

    Stream<Arguments> notStrictJson() {
        String applicant = "\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"王五\"}";
        return Stream.of(
                Arguments.of("a key given twice", "/api/requests/@R/answer",
                        "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\",\"outcome\":\"NOT_FOUND\"}"),
                Arguments.of("a nested key given twice", "/api/requests",
                        "{\"agencyCode\":\"@A\",\"receivedOn\":\"2025-03-03\",\"channel\":\"MAIL\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                                + "\"name\":\"王五\",\"name\":\"赵六\"},\"description\":\"x\"}"),
                Arguments.of("a trailing token", "/api/requests/@R/answer",
                        "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\"} {}"),
                Arguments.of("trailing garbage", "/api/requests/@R/answer",
                        "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\"}x"),
                Arguments.of("a date as a number", "/api/requests/@R/answer", "{\"answeredOn\":20000,\"outcome\":\"DISCLOSED\"}"),
                Arguments.of("a date as an array", "/api/requests/@R/answer", "{\"answeredOn\":[2025,3,10],\"outcome\":\"DISCLOSED\"}"),
                Arguments.of("a date as a fraction", "/api/requests/@R/answer", "{\"answeredOn\":20000.5,\"outcome\":\"DISCLOSED\"}"),
                Arguments.of("a number as text", "/api/requests",
                        "{\"agencyCode\":\"@A\",\"receivedOn\":\"2025-03-03\",\"channel\":\"MAIL\"," + applicant + ",\"description\":12345}"),
                Arguments.of("a boolean as text", "/api/requests",
                        "{\"agencyCode\":\"@A\",\"receivedOn\":\"2025-03-03\",\"channel\":\"MAIL\"," + applicant + ",\"description\":true}"),
                Arguments.of("a fraction as text", "/api/requests/@R/outcome-reclassification",
                        "{\"outcome\":\"DISCLOSED\",\"reason\":1.5}"),
                Arguments.of("an array as text", "/api/requests/@R/outcome-reclassification",
                        "{\"outcome\":\"DISCLOSED\",\"reason\":[\"a\"]}"),
                Arguments.of("an object as text", "/api/requests/@R/outcome-reclassification",
                        "{\"outcome\":\"DISCLOSED\",\"reason\":{\"a\":1}}"),
                Arguments.of("text as a boolean", "/api/requests/@R/lawsuits",
                        "{\"filedOn\":\"2025-04-01\",\"afterReconsideration\":\"yes\"}"),
                Arguments.of("a number as a boolean", "/api/requests/@R/lawsuits",
                        "{\"filedOn\":\"2025-04-01\",\"afterReconsideration\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notStrictJson")
    void isRefusedWith400AndRecordsNothing(String what, String path, String body) {
        long before = eventCount();
        ApiClient.Response r = admin().post(path.replace("@R", request.toString()),
                body.replace("@A", agency).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception");
        assertThat(eventCount()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aKeyGivenTwiceIsNamed() {
        ApiClient.Response r = admin().post("/api/requests/" + request + "/answer",
                "{\"answeredOn\":\"2025-03-10\",\"outcome\":\"DISCLOSED\",\"outcome\":\"NOT_FOUND\"}");
        assertThat(r.json().path("errors").get(0).path("field").asText()).as(r.text()).isEqualTo("outcome");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"*/*", "application/*", "*/json", "text/plain", "application/xml", "application/json; charset=latin-9",
            "application/json; charset=\"", ";;;", "application/json\u0001"})
    void anyContentTypeButJsonIsRefusedNever500(String contentType) {
        long before = eventCount();
        RawHttp.Answer r = RawHttp.send(port, "POST /api/requests/" + request + "/answer HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + TextInputTest.basic("admin", "admin") + "\r\nContent-Type: " + contentType,
                // answered before it was received: a 409 when read, so that every answer here is a refusal
                "{\"answeredOn\":\"2025-03-01\",\"outcome\":\"DISCLOSED\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWildcardAcceptIsServed() {
        ApiClient.Response r = admin().post("/api/requests", request(agency, "2025-03-04"), Map.of("Accept", "application/*"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    Stream<Arguments> serverRefusals() {
        String auth = "\r\nHost: localhost\r\nAuthorization: " + TextInputTest.basic("admin", "admin");
        return Stream.of(
                Arguments.of("raw UTF-8 in a query string", "GET /api/requests?q=张三 HTTP/1.1" + auth, 400),
                Arguments.of("an encoded slash in a path", "GET /api/requests/a%2Fb/answer HTTP/1.1" + auth, 400),
                Arguments.of("an encoded NUL in a path", "GET /api/requests/a%00b HTTP/1.1" + auth, 400),
                Arguments.of("a space in the request line", "GET /api/requ ests HTTP/1.1" + auth, 400),
                Arguments.of("a header of 20 KiB", "GET /api/requests HTTP/1.1" + auth + "\r\nX-Big: " + "x".repeat(20_000), 400),
                Arguments.of("TRACE", "TRACE /api/requests HTTP/1.1" + auth, 405),
                Arguments.of("TRACE anonymously", "TRACE / HTTP/1.1\r\nHost: localhost", 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverRefusals")
    void theServersOwnRefusalsAreProblems(String what, String head, int status) {
        RawHttp.Answer r = RawHttp.send(port, head);
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(what + ": " + r.body()).startsWith("application/problem+json");
        assertThat(r.body()).as(r.toString()).contains("\"status\":" + status).doesNotContain("Tomcat").doesNotContain("<html")
                .doesNotContain("Authorization").doesNotContain(TextInputTest.basic("admin", "admin"));
    }
}
