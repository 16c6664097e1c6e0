package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.security.LoginThrottle;
import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: password guessing is slowed down per user and per address with growing delays (429 with
 * Retry-After), and every failed login is recorded — user, address, time, never the password — where an
 * administrator can read it.
 */
class LoginThrottleTest extends CommandSideTest {

    private static int knock(ApiClient client) {
        return client.post("/api/requests", Map.of()).status();
    }

    @Test
    void guessingAPasswordIsSlowedDownAndEveryFailureIsRecorded() {
        String agency = newAgency(null);
        String name = newUserNamed("STAFF", agency);
        for (int i = 1; i <= 6; i++) {
            assertThat(knock(as(name, "guess-" + i))).as("guess " + i).isEqualTo(401);
        }
        ApiClient.Response throttled = as(name, PASSWORD).post("/api/requests", Map.of());
        assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.header("Content-Type").orElse("")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = knock(as(name, PASSWORD));
        } while (status == 429 && System.nanoTime() < deadline);
        assertThat(status).as("let in once the wait is over").isEqualTo(400);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM login_failure WHERE username = ?", name);
        assertThat(rows).filteredOn(r -> "BAD_CREDENTIALS".equals(r.get("reason"))).hasSize(6)
                .allSatisfy(r -> assertThat(r.get("address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
        assertThat(rows).filteredOn(r -> "THROTTLED".equals(r.get("reason"))).isNotEmpty();
        assertThat(rows.toString()).doesNotContain("guess-").doesNotContain(PASSWORD);

        ApiClient.Response log = admin().get("/api/admin/login-failures?username=" + name);
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.json().path("items")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(log.json().path("items").get(0).path("at").asText()).isNotBlank();
        assertThat(log.text()).doesNotContain("guess-");
        String otherAdmin = newUserNamed("ADMIN", newAgency(null));
        assertThat(as(otherAdmin, PASSWORD).get("/api/admin/login-failures?username=" + name).json().path("items"))
                .as("another tree's administrator").isEmpty();
        assertThat(as(newUserNamed("ADMIN", agency), PASSWORD).get("/api/admin/login-failures?username=" + name).json().path("items"))
                .as("the user's own administrator").isNotEmpty();
    }

    @Test
    void unknownNamesAreRecordedAndSlowedDownToo() {
        String nobody = "nobody-" + System.nanoTime();
        for (int i = 0; i < 6; i++) {
            assertThat(knock(as(nobody, "x"))).isEqualTo(401);
        }
        assertThat(knock(as(nobody, "x"))).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE username = ? AND reason = 'UNKNOWN_USER'",
                Long.class, nobody)).isEqualTo(6);
    }

    @Test
    void aLoginAlreadyVerifiedGoesOnWorkingWhileSomeoneGuessesAtIt() {
        String name = newUserNamed("STAFF", newAgency(null));
        ApiClient user = as(name, PASSWORD);
        assertThat(knock(user)).isEqualTo(400);
        for (int i = 0; i < 8; i++) {
            knock(as(name, "guess-" + i));
        }
        assertThat(knock(user)).isEqualTo(400);
    }

    @Test
    void guessingFromOneAddressIsSlowedDownAcrossUsersWithGrowingDelays() {
        String address = "203.0.113." + (System.nanoTime() % 200 + 1);
        LoginThrottle throttle = new LoginThrottle(jdbc, 5, 3, Duration.ofMinutes(15), Duration.ofHours(1));
        try {
            for (int i = 1; i <= 3; i++) {
                throttle.failed("spray-" + i + "-" + address, address);
                assertThat(throttle.waitFor("someone-new", address)).as("failure " + i + " is free").isZero();
            }
            throttle.failed("spray-4-" + address, address);
            assertThat(throttle.waitFor("someone-new", address)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(1));
            throttle.failed("spray-5-" + address, address);
            assertThat(throttle.waitFor("someone-new", address)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(throttle.waitFor("someone-new", "198.51.100.1")).as("another address").isZero();
        } finally {
            jdbc.update("DELETE FROM login_throttle WHERE subject = ? OR subject LIKE ?", "address:" + address, "user:spray-%-" + address);
        }
    }

    @Test
    void theDelaysDoubleUpToTheirCeiling() {
        LoginThrottle throttle = new LoginThrottle(jdbc, 5, 30, Duration.ofMinutes(15), Duration.ofHours(1));
        assertThat(List.of(5, 6, 7, 8, 12, 40, 5000).stream().map(n -> throttle.delayAfter(n, 5).toSeconds()).toList())
                .containsExactly(0L, 1L, 2L, 4L, 64L, 900L, 900L);
    }
}
