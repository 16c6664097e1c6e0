package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §1: roles, and a user acts on their agency and its descendants only. */
class AccessTest extends CommandSideTest {

    private ApiClient newUser(String role, String agency) {
        String name = role.toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response r = admin().post("/api/users", Map.of("username", name, "password", "geheim-123",
                "role", role, "agencyCode", agency));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return as(name, "geheim-123");
    }

    @Test
    void staffActOnTheirOwnAgencyOnly() {
        String mine = newAgency(null);
        String other = newAgency(null);
        ApiClient staff = newUser("STAFF", mine);
        assertThat(log(staff, mine, "2025-03-03")).isNotNull();
        assertThat(staff.post("/api/requests", request(other, "2025-03-03")).status()).isEqualTo(403);
        UUID theirs = log(admin(), other, "2025-03-03");
        ApiClient.Response hidden = staff.post("/api/requests/" + theirs + "/answer", Map.of("answeredOn", "2025-03-20", "outcome", "DISCLOSED"));
        assertThat(hidden.status()).as("404 hides that it exists").isEqualTo(404);
    }

    @Test
    void aSupervisorActsOnSubAgenciesToo() {
        String county = newAgency(null);
        String department = newAgency(county);
        ApiClient supervisor = newUser("SUPERVISOR", county);
        UUID id = log(supervisor, department, "2025-03-03");
        assertThat(supervisor.post("/api/requests/" + id + "/answer", Map.of("answeredOn", "2025-03-20", "outcome", "DISCLOSED")).status())
                .isEqualTo(200);
        assertThat(supervisor.post("/api/years/2025/close", Map.of("agencyCode", department)).status()).isEqualTo(200);
    }

    @Test
    void onlySupervisorsAndAdministratorsCloseOrPublish() {
        String agency = newAgency(null);
        ApiClient staff = newUser("STAFF", agency);
        assertThat(staff.post("/api/years/2025/close", Map.of("agencyCode", agency)).status()).isEqualTo(403);
        assertThat(staff.post("/api/years/2025/publish", Map.of("agencyCode", agency)).status()).isEqualTo(403);
    }

    @Test
    void onlyAdministratorsManageAgenciesAndUsers() {
        String agency = newAgency(null);
        ApiClient supervisor = newUser("SUPERVISOR", agency);
        assertThat(supervisor.post("/api/agencies", Map.of("code", "X" + UUID.randomUUID().toString().substring(0, 6), "name", "x")).status())
                .isEqualTo(403);
        assertThat(supervisor.post("/api/users", Map.of("username", "nobody", "password", "geheim-123", "role", "ADMIN",
                "agencyCode", agency)).status()).isEqualTo(403);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String agency = newAgency(null);
        newUser("STAFF", agency);
        assertThat(jdbc.queryForList("SELECT password_hash FROM app_user", String.class))
                .allSatisfy(hash -> assertThat(hash).startsWith("$2a$"));
    }

    @Test
    void pathsOutsideTheApiNeedAUserToo() {
        ApiClient anonymous = ApiClient.at("http://localhost:" + port);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(admin().get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void aPageWhoseLoginExpiredGetsAPlain401NotTheBrowsersBasicLoginBox() {
        String agency = newAgency(null);
        ApiClient anonymous = ApiClient.at("http://localhost:" + port);
        ApiClient.Response page = anonymous.post("/api/requests", request(agency, "2025-03-03"),
                Map.of("X-Requested-With", "tracker-web", "Cookie", "TRACKER_SESSION=expired-long-ago"));
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.header("WWW-Authenticate")).as("no Basic challenge for a page").isEmpty();
        assertThat(page.json().path("detail").asText()).contains("重新登录");

        ApiClient.Response client = anonymous.post("/api/requests", request(agency, "2025-03-03"));
        assertThat(client.status()).isEqualTo(401);
        assertThat(client.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_index WHERE agency_code = ?", Long.class, agency)).isZero();
    }

    @Test
    void aDuplicateAgencyCodeIsAConflict() {
        String agency = newAgency(null);
        assertThat(admin().post("/api/agencies", Map.of("code", agency, "name", "again")).status()).isEqualTo(409);
    }
}
