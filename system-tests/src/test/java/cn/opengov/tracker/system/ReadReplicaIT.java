package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads from a streaming replica (issue 18): a primary and a hot-standby replica made with PostgreSQL's own tools
 * (initdb, pg_basebackup -R, a second port), a command side on the primary, and a query side that projects on the
 * primary and reads from the replica ({@code tracker.read-replica.url}).
 * <ul>
 * <li>read-your-writes: while the replica's replay is paused, a read that waits for a command's position does not
 * answer from the replica's older copy (503 with Retry-After after its 5 s); once replay resumes it answers, from the
 * replica, with the new data;</li>
 * <li>failover: with the replica stopped the reads answer from the primary, current and without an error; started
 * again, the replica serves them once more;</li>
 * <li>commands and projections go on throughout.</li>
 * </ul>
 */
class ReadReplicaIT {

    private static final String SOURCE = "X-Read-Source";

    private final List<Integer> statuses = new ArrayList<>();

    @Test
    void readsComeFromTheReplicaWaitForItsReplayAndFallBackToThePrimaryWhileItIsDown() throws Exception {
        try (PrivatePostgres primary = PrivatePostgres.start("wal_level=replica", "max_wal_senders=5");
             PrivatePostgres replica = primary.startReplica("hot_standby=on", "hot_standby_feedback=on")) {
            primary.execute("postgres", "CREATE DATABASE tracker ENCODING 'UTF8' TEMPLATE template0");
            int commandPort = SystemUnderTest.anyFreePort();
            int queryPort = SystemUnderTest.anyFreePort();
            List<Process> sides = new ArrayList<>();
            try {
                sides.add(SystemUnderTest.startAloneOn(primary.jdbcUrl("tracker"), "postgres", "", "command-side", commandPort));
                sides.add(SystemUnderTest.startAloneOn(primary.jdbcUrl("tracker"), "postgres", "", "query-side", queryPort,
                        "--tracker.read-replica.url=" + replica.jdbcUrl("tracker"), "--tracker.read-replica.retry-after=1s",
                        "--tracker.reminders.enabled=false"));
                ApiClient command = ApiClient.at("http://localhost:" + commandPort).as("admin", "admin");
                // a client of its own: not sending the commands' positions unasked (each read below says what it waits for)
                ApiClient query = ApiClient.at("http://localhost:" + queryPort).as("admin", "admin");
                String agency = "R" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
                assertThat(command.post("/api/agencies", Map.of("code", agency, "name", "副本测试局")).status()).isEqualTo(201);

                // given a request read back through the replica
                Created first = request(command, agency);
                ApiClient.Response read = read(query, first);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.header(SOURCE)).as("served by the replica").contains("replica");

                readYourWritesWaitsForTheReplicasReplay(primary, replica, command, query, agency);
                readsFallBackToThePrimaryWhileTheReplicaIsDown(replica, command, query, agency, first);

                assertThat(statuses).as("no read failed").doesNotContain(500, 502, 504);
                // what operators see: the reads counted by where they were served
                assertThat(servedBy(query, "replica")).isGreaterThanOrEqualTo(3);
                assertThat(servedBy(query, "primary")).isGreaterThanOrEqualTo(20);
                String log = Files.readString(SystemUnderTest.sideLog("query-side", queryPort), StandardCharsets.UTF_8);
                assertThat(log).contains("Read replica unavailable").contains("Read replica answers again")
                        .doesNotContain("read-only transaction");
            } finally {
                for (Process side : sides) {
                    side.destroyForcibly().waitFor();
                }
            }
        }
    }

    private void readYourWritesWaitsForTheReplicasReplay(PrivatePostgres primary, PrivatePostgres replica, ApiClient command,
                                                        ApiClient query, String agency) throws Exception {
        // when the replica stops replaying and a command is sent
        replica.execute("tracker", "SELECT pg_wal_replay_pause()");
        awaitTrue(() -> replica.count("tracker", "SELECT count(*) FROM (SELECT pg_get_wal_replay_pause_state() AS s) p WHERE s = 'paused'") == 1,
                Duration.ofSeconds(10), "the replica's replay pauses");
        Created second = request(command, agency);
        // the primary's read models have it: the projections work on
        awaitTrue(() -> primary.count("tracker", "SELECT count(*) FROM request_view WHERE request_id = ?::uuid", second.id()) == 1,
                Duration.ofSeconds(30), "the projections on the primary show the new request");

        // then a read that waits for its position does not answer from the replica's older copy
        long start = System.nanoTime();
        ApiClient.Response waiting = read(query, second);
        assertThat(waiting.status()).as("a read behind its position answers 503").isEqualTo(503);
        assertThat(waiting.header("Retry-After")).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(query.get("/api/requests/" + second.id()).status()).as("the replica does not have it yet").isEqualTo(404);

        // and once the replica replays again, the same read answers, from the replica, with the new request
        replica.execute("tracker", "SELECT pg_wal_replay_resume()");
        ApiClient.Response answered = read(query, second);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.field("requestId")).isEqualTo(second.id());
        assertThat(answered.header(SOURCE)).contains("replica");
    }

    private void readsFallBackToThePrimaryWhileTheReplicaIsDown(PrivatePostgres replica, ApiClient command, ApiClient query,
                                                               String agency, Created first) throws Exception {
        // when the replica goes down (every connection cut at once)
        replica.stop();

        // then reads answer at once from the primary: current, and without an error
        long start = System.nanoTime();
        ApiClient.Response fallback = read(query, first);
        assertThat(fallback.status()).isEqualTo(200);
        assertThat(fallback.header(SOURCE)).contains("primary");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one connection timeout at most").isLessThan(Duration.ofSeconds(3));
        Created whileDown = request(command, agency);
        ApiClient.Response current = read(query, whileDown);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.field("requestId")).isEqualTo(whileDown.id());
        assertThat(current.header(SOURCE)).contains("primary");
        for (int i = 0; i < 20; i++) {
            long one = System.nanoTime();
            ApiClient.Response r = read(query, whileDown);
            assertThat(r.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - one)).as("a read does not wait for a replica known to be down")
                    .isLessThan(Duration.ofSeconds(1));
        }

        // and when it is back, the reads go to it again, and it has caught up with what happened meanwhile
        replica.startAgain();
        Created afterwards = request(command, agency);
        awaitTrue(() -> read(query, afterwards).header(SOURCE).orElse("").equals("replica"), Duration.ofSeconds(30),
                "reads go back to the replica");
        ApiClient.Response caughtUp = read(query, whileDown);
        assertThat(caughtUp.status()).isEqualTo(200);
        assertThat(caughtUp.header(SOURCE)).contains("replica");
    }

    private static double servedBy(ApiClient query, String source) {
        ApiClient.Response metric = query.get("/actuator/metrics/tracker.reads?tag=source:" + source);
        assertThat(metric.status()).isEqualTo(200);
        return metric.json().path("measurements").path(0).path("value").asDouble();
    }

    private ApiClient.Response read(ApiClient query, Created request) {
        ApiClient.Response r = query.get("/api/requests/" + request.id(), Map.of("X-Min-Position", String.valueOf(request.position())));
        statuses.add(r.status());
        return r;
    }

    private static Created request(ApiClient command, String agency) {
        ApiClient.Response r = command.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", "2026-06-01",
                "channel", "ONLINE", "applicant", Map.of("type", "NATURAL_PERSON", "name", "张三"),
                "description", "申请公开某事项"));
        assertThat(r.status()).isEqualTo(201);
        return new Created(r.field("requestId"), Long.parseLong(r.header("X-Event-Position").orElseThrow()));
    }

    private record Created(String id, long position) {
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, Duration atMost, String what) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + atMost);
            }
            Thread.sleep(100);
        }
    }
}
