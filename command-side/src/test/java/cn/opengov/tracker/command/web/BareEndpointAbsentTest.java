package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's bare endpoint (POST /api/bench/bare, issue 18) is only there with
 * {@code tracker.bench.bare-endpoint=true}: a side started as a deployment starts it has no such endpoint, even for an
 * administrator, and writes nothing. (With the property: {@code BareIntakeControllerTest}.)
 */
class BareEndpointAbsentTest extends CommandSideTest {

    @Test
    void withoutThePropertyThereIsNoBareEndpoint() {
        long events = eventCount();
        ApiClient.Response r = admin().post("/api/bench/bare", request("ROOT", "2026-03-02"));
        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ApiClient.at("http://localhost:" + port).post("/api/bench/bare", Map.of()).status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
    }
}
