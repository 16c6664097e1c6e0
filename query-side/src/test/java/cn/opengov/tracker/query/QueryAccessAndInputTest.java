package cn.opengov.tracker.query;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side refuses bad input and foreign agencies with problem+json, and never answers 500. */
class QueryAccessAndInputTest extends QuerySideTest {

    private ApiClient staff() {
        return ApiClient.at("http://localhost:" + port).as("staff", "staff");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "year not a number       | /api/reports/abc/matrix?agencyCode=ROOT                  | 400",
            "year out of range       | /api/reports/1900/matrix?agencyCode=ROOT                 | 400",
            "agency missing          | /api/reports/2024/matrix                                 | 400",
            "agency unknown          | /api/reports/2024/matrix?agencyCode=NOPE                 | 404",
            "unknown row             | /api/reports/2024/matrix/cells?agencyCode=ROOT&row=X&column=TOTAL | 400",
            "impossible asOf         | /api/deadlines?asOf=2024-13-45                           | 400",
            "unknown board state     | /api/deadlines?state=LATE                                | 400",
            "malformed request id    | /api/requests/not-a-uuid                                 | 404",
            "page size too large     | /api/requests?size=100000                                | 400",
            "negative page           | /api/requests?page=-1                                    | 400",
            "days negative           | /api/calendar/working-days?from=2024-01-01&days=-1       | 400",
            "days as text            | /api/calendar/working-days?from=2024-01-01&days=many     | 400",
            "past the loaded years   | /api/calendar/working-days?from=2026-12-20&days=20       | 400",
            "unknown path            | /api/nothing                                             | 404",
            "not published           | /api/reports/2019/published?agencyCode=ROOT              | 404"})
    void badInputIsAProblemNotA500(String what, String path, int status) {
        ApiClient.Response r = admin().get(path);
        assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception");
    }

    @Test
    void anUnknownRequestIsNotFound() {
        assertThat(admin().get("/api/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aClerkSeesOnlyTheirAgencyTree() {
        String foreign = newAgency(null);
        UUID theirs = received(foreign, "2025-03-03");
        get("/api/requests/" + theirs);
        ApiClient staff = staff();
        assertThat(staff.get("/api/requests/" + theirs).status()).as("hidden").isEqualTo(404);
        assertThat(staff.get("/api/reports/2025/matrix?agencyCode=" + foreign).status()).isEqualTo(403);
        assertThat(staff.get("/api/reports/2025/matrix.xlsx?agencyCode=" + foreign).status()).isEqualTo(403);
        assertThat(staff.get("/api/reports/2025/matrix/cells?agencyCode=" + foreign + "&row=NEW_RECEIVED&column=TOTAL").status()).isEqualTo(403);
        assertThat(staff.get("/api/deadlines?agencyCode=" + foreign).status()).isEqualTo(403);
        assertThat(staff.get("/api/reports/2025/review-litigation?agencyCode=" + foreign).status()).isEqualTo(403);
        assertThat(staff.get("/api/requests?agencyCode=ZNX").status()).as("the parent of the clerk's agency").isEqualTo(403);
        staff.get("/api/requests").json().path("items").forEach(item ->
                assertThat(item.path("agencyCode").asText()).isEqualTo("ZNX-KJJ"));
        assertThat(ApiClient.at("http://localhost:" + port).get("/api/requests").status()).isEqualTo(401);
    }
}
