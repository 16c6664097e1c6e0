package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side running against the test run's PostgreSQL, driven over HTTP. One Spring context for all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class CommandSideTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin() {
        return ApiClient.at("http://localhost:" + port).as("admin", "admin");
    }

    ApiClient as(String user, String password) {
        return ApiClient.at("http://localhost:" + port).as(user, password);
    }

    String newAgency(String parentCode) {
        String code = "T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Map<String, Object> body = parentCode == null ? Map.of("code", code, "name", "测试机关" + code)
                : Map.of("code", code, "name", "测试机关" + code, "parentCode", parentCode);
        assertThat(admin().post("/api/agencies", body).status()).isEqualTo(201);
        return code;
    }

    static final String PASSWORD = "geheim-123";

    /** A new user of the role at the agency, with password {@link #PASSWORD}: their name. */
    String newUserNamed(String role, String agencyCode) {
        String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response r = admin().post("/api/users", Map.of("username", name, "password", PASSWORD,
                "role", role, "agencyCode", agencyCode));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    static Map<String, Object> request(String agencyCode, String receivedOn) {
        return Map.of("agencyCode", agencyCode, "receivedOn", receivedOn, "channel", "IN_PERSON",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "李四"),
                "description", "申请公开本单位2023年度专项资金使用情况");
    }

    UUID log(ApiClient client, String agencyCode, String receivedOn) {
        ApiClient.Response r = client.post("/api/requests", request(agencyCode, receivedOn));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return UUID.fromString(r.field("requestId"));
    }

    void answer(UUID id, String on, String outcome) {
        ApiClient.Response r = admin().post("/api/requests/" + id + "/answer", Map.of("answeredOn", on, "outcome", outcome));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    long eventsOf(UUID requestId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, requestId.toString(), "%." + type);
    }
}
