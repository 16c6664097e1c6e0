package cn.opengov.tracker.query.replica;

import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.query.QuerySideTest;
import cn.opengov.tracker.query.projection.Projections;
import cn.opengov.tracker.query.projection.SegmentBalancer;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The routing rules with a "replica" that refuses every write, as a hot standby does: the test database itself,
 * through connections that pgjdbc makes read-only ({@code readOnlyMode=always}, SQLState 25006 on any write). The
 * read models' GETs are served by it; everything that writes during a GET — the public lookup's throttle and
 * challenges, the login throttle, sessions — still works, because it uses the primary.
 */
@TestPropertySource(properties = {
        "tracker.read-replica.url=${test.db.url:jdbc:postgresql://127.0.0.1:5432/tracker_test}?readOnlyMode=always",
        "tracker.read-replica.retry-after=1s"})
// a context of its own, closed after these tests so that the other tests run with one query node, as they expect
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaRoutingTest extends QuerySideTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    SegmentBalancer balancer;

    /**
     * This context leaves: its segments go back to the other tests' node (when one runs) before their reads wait on
     * them — that node claims free segments only every few seconds.
     */
    @AfterAll
    void handTheSegmentsBack() throws Exception {
        var processor = processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class);
        if (processor.isPresent()) {
            processor.get().shutdownAsync().get(30, TimeUnit.SECONDS);
        }
        balancer.forget();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && otherNodes() > 0 && unclaimedSegments() > 0) {
            Thread.sleep(100);
        }
    }

    private long otherNodes() {
        return jdbc.queryForObject("SELECT count(*) FROM projection_node WHERE seen_at > now() - interval '15 seconds'", Long.class);
    }

    private long unclaimedSegments() {
        return jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner IS NULL", Long.class,
                Projections.GROUP);
    }

    @Autowired
    ReplicaReads reads;

    private double reads(String source) {
        var counter = meters.find("tracker.reads").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aReadModelsGetIsServedByTheReplicaAndSaysSo() {
        // given a request on an agency's board
        String agency = newAgency(null);
        UUID id = received(agency, "2026-06-01");
        double before = reads("replica");

        // when the board is read, waiting for the request's position
        ApiClient.Response board = get("/api/deadlines?agencyCode=" + agency);

        // then the replica answered, with the request on it
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.header(ReadRequest.HEADER)).contains("replica");
        assertThat(board.json().path("items").findValuesAsText("requestId")).contains(id.toString());
        assertThat(reads("replica")).isGreaterThan(before);
        assertThat(meters.find("hikaricp.connections").tag("pool", "read-replica").gauge()).as("the replica's pool in the metrics")
                .isNotNull();
    }

    @Test
    void theRequestDetailAndListAreServedByTheReplica() {
        String agency = newAgency(null);
        UUID id = received(agency, "2026-05-01");
        answered(id, "2026-05-20", OutcomeCategory.DISCLOSED);

        ApiClient.Response detail = get("/api/requests/" + id);
        ApiClient.Response list = get("/api/requests?agencyCode=" + agency);

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header(ReadRequest.HEADER)).contains("replica");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header(ReadRequest.HEADER)).contains("replica");
    }

    @Test
    void theReplicaRefusesWritesAsAHotStandbyDoes() {
        // the premise of the test below: a write that went the replica's way would fail
        ReadRequest read = ReadRequest.begin(new MockHttpServletResponse());
        try {
            assertThatThrownBy(() -> reads.jdbc().update("DELETE FROM public_throttle WHERE bucket = 'none'"))
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
            assertThat(read.served()).isEqualTo(ReadRequest.Source.REPLICA);
        } finally {
            read.end();
        }
        // and outside an HTTP read the same template writes to the primary
        assertThat(reads.jdbc().update("DELETE FROM public_throttle WHERE bucket = 'none'")).isZero();
    }

    @Test
    void getsThatWriteKeepWritingToThePrimary() {
        ApiClient anonymous = ApiClient.at("http://localhost:" + port).anonymous();
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255));

        // the public lookup counts every call and failure (public_throttle), the challenge stores its question
        ApiClient.Response lookup = anonymous.get("/public/status?no=无此编号&code=ABCDEFGH", from);
        ApiClient.Response challenge = anonymous.get("/public/challenge", from);
        // a wrong password counts against the address (login_throttle, login_failure)
        ApiClient.Response wrongPassword = ApiClient.at("http://localhost:" + port).as("admin", "wrong-password")
                .get("/api/deadlines?agencyCode=" + newAgency(null));

        assertThat(lookup.status()).isIn(200, 404);
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void healthIsTheReplicasBusinessNever() {
        ApiClient.Response health = ApiClient.at("http://localhost:" + port).anonymous().get("/actuator/health/readiness");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header(ReadRequest.HEADER)).isEmpty();
    }

    @Test
    void writesAreNeverRouted() {
        // a POST's reads stay on the primary: no read is counted for it and no header is set
        ApiClient.Response post = admin().post("/api/admin/projections/dead-letters/retry", Map.of());

        assertThat(post.header(ReadRequest.HEADER)).isEmpty();
    }
}
