package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out and faults, with real processes: two query sides sharing the projections' segments, two command
 * sides behind one address, kill -9 of either side (during a rebuild, under load) and a PostgreSQL restart under
 * load. Nothing acknowledged may be lost, nothing counted twice. The restart is of a private cluster the test
 * creates ({@link PrivatePostgres}), with a pair of sides of its own: the machine's server is never restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutAndFaultsIT {

    private final SystemUnderTest system = SystemUnderTest.get();
    private final ApiClient admin = system.admin();

    private String agency() {
        String code = "F" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(admin.post("/api/agencies", Map.of("code", code, "name", "容错测试局")).status()).isEqualTo(201);
        return code;
    }

    private static Map<String, Object> request(String agency) {
        return Map.of("agencyCode", agency, "receivedOn", "2026-05-06", "channel", "ONLINE",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "张三"), "description", "申请公开某事项");
    }

    private static JsonNode awaitJson(ApiClient client, String path, Predicate<JsonNode> until, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        ApiClient.Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = client.get(path, Map.of("X-Min-Position", "0"));
                if (last.status() == 200 && until.test(last.json())) {
                    return last.json();
                }
            } catch (RuntimeException down) {
                // the node is restarting
            }
            sleep(500);
        }
        throw new AssertionError(path + " never matched within " + atMost + "; last " + (last == null ? "nothing" : last.status() + " " + last.text()));
    }

    /** The answer once every segment has processed {@code position} (the read-your-writes header, retried). */
    private static String awaitProcessed(ApiClient client, String path, long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        ApiClient.Response last;
        do {
            last = client.get(path, Map.of("X-Min-Position", String.valueOf(position)));
            if (last.status() == 200) {
                return last.text();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " not processed to " + position + ": " + last.status());
    }

    private static long distinctOwners() throws Exception {
        return TestDatabase.count("SELECT count(DISTINCT owner) FROM token_entry WHERE processor_name = 'projections' AND owner IS NOT NULL");
    }

    @Test
    @Order(1)
    void twoQuerySidesShareTheSegmentsCountEveryEventOnceAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        int port = SystemUnderTest.anyFreePort();
        Process second = system.startExtra("query-side", port);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (distinctOwners() < 2 && System.nanoTime() < deadline) {
                sleep(500);
            }
            assertThat(distinctOwners()).as("both query sides hold segments").isEqualTo(2);
            String agency = agency();
            for (int i = 0; i < 40; i++) {
                assertThat(admin.post("/api/requests", request(agency)).status()).isEqualTo(201);
            }
            ApiClient first = admin.on(system.queryUrl);
            ApiClient other = admin.on("http://localhost:" + port);
            String matrix = "/api/reports/2026/matrix?agencyCode=" + agency;
            awaitJson(first, matrix, j -> j.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt() == 40, Duration.ofSeconds(30));
            awaitJson(other, matrix, j -> j.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt() == 40, Duration.ofSeconds(30));

            second.destroyForcibly().waitFor();
            for (int i = 0; i < 20; i++) {
                assertThat(admin.post("/api/requests", request(agency)).status()).isEqualTo(201);
            }
            // the survivor claims the dead node's segments once their claims time out
            awaitJson(first, matrix, j -> j.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt() == 60, Duration.ofSeconds(90));
            assertThat(awaitJson(first, "/api/requests?agencyCode=" + agency, j -> j.path("total").asInt() == 60, Duration.ofSeconds(10))
                    .path("total").asInt()).isEqualTo(60);
        } finally {
            second.destroyForcibly();
        }
    }

    @Test
    @Order(2)
    void aQuerySideKilledInTheMiddleOfARebuildLeavesItPendingAndTheRebuildAfterwardsGivesTheSameTables() throws Exception {
        TestDatabase.appendSyntheticRequests(7, 1, 15_000);
        ApiClient first = admin.on(system.queryUrl);
        long head = TestDatabase.count("SELECT max(global_index) FROM domain_event_entry");
        List<String> paths = List.of(
                "/api/reports/2023/matrix?agencyCode=C01&includeSubAgencies=true",
                "/api/reports/2024/matrix?agencyCode=C02&includeSubAgencies=true",
                "/api/reports/2025/review-litigation?agencyCode=C01&includeSubAgencies=true",
                "/api/deadlines?agencyCode=C01&includeSubAgencies=true&asOf=2026-06-15",
                "/api/requests?agencyCode=C03&includeSubAgencies=true&size=50");
        List<JsonNode> incremental = new ArrayList<>();
        for (String path : paths) {
            incremental.add(parse(awaitProcessed(first, path, head)));
        }
        // an undisturbed rebuild first: the tables it gives are the ones to get back
        assertThat(first.post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        first.awaitRebuilt(Duration.ofSeconds(120));
        List<JsonNode> undisturbed = new ArrayList<>();
        for (String path : paths) {
            undisturbed.add(parse(awaitProcessed(first, path, head)));
        }
        assertThat(undisturbed).isEqualTo(incremental);

        int port = SystemUnderTest.anyFreePort();
        Process rebuilding = system.startExtra("query-side", port, "--tracker.rebuild.pause-between-batches=400ms");
        ApiClient other = admin.on("http://localhost:" + port);
        try {
            awaitJson(other, "/api/admin/projections/status", s -> s.path("running").asBoolean(), Duration.ofSeconds(60));
            assertThat(other.post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            awaitJson(other, "/api/admin/projections/status",
                    s -> s.path("rebuildingHere").asBoolean() && s.path("requestsRebuilt").asLong() > 0, Duration.ofSeconds(60));
            rebuilding.destroyForcibly().waitFor();
        } finally {
            rebuilding.destroyForcibly();
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM projection_rebuild")).as("the request outlives the node").isEqualTo(1);

        // the survivor takes the abandoned rebuild up; the restarted node shares the segments again afterwards
        Process restarted = system.startExtra("query-side", port);
        try {
            first.awaitRebuilt(Duration.ofSeconds(180));
            assertThat(TestDatabase.count("SELECT count(*) FROM projection_rebuild")).isZero();
            for (int i = 0; i < paths.size(); i++) {
                assertThat(parse(awaitProcessed(first, paths.get(i), head))).as(paths.get(i)).isEqualTo(undisturbed.get(i));
            }
        } finally {
            restarted.destroyForcibly();
        }
    }

    @Test
    @Order(3)
    void twoCommandSidesBehindOneAddressSettleARaceWithTheSequenceConstraint() throws Exception {
        int port = SystemUnderTest.anyFreePort();
        Process second = system.startExtra("command-side", port);
        HttpServer proxy = roundRobinProxy(List.of(system.commandUrl, "http://localhost:" + port));
        try {
            ApiClient viaProxy = admin.on("http://localhost:" + proxy.getAddress().getPort());
            String agency = agency();
            String id = viaProxy.post("/api/requests", request(agency)).field("requestId");
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(12);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> racers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                racers.add(pool.submit(() -> {
                    go.await();
                    statuses.add(viaProxy.post("/api/requests/" + id + "/answer", Map.of("answeredOn", "2026-05-20", "outcome", "DISCLOSED")).status());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> r : racers) {
                r.get();
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
            assertThat(TestDatabase.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%RequestAnswered'", id))
                    .isEqualTo(1);
        } finally {
            proxy.stop(0);
            second.destroyForcibly();
        }
    }

    @Test
    @Order(4)
    void aCommandSideKilledUnderLoadLosesNoAcknowledgedCommand() throws Exception {
        int port = SystemUnderTest.anyFreePort();
        Process victim = system.startExtra("command-side", port);
        ApiClient client = admin.on("http://localhost:" + port);
        String agency = agency();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        ApiClient.Response r = client.post("/api/requests", request(agency));
                        if (r.status() == 201) {
                            acknowledged.add(r.field("requestId"));
                        }
                    } catch (RuntimeException killed) {
                        sleep(50);
                    }
                }
                return null;
            }));
        }
        sleep(3000);
        victim.destroyForcibly().waitFor();
        sleep(500);
        running.set(false);
        for (Future<?> w : writers) {
            w.get();
        }
        pool.shutdown();
        assertThat(acknowledged).isNotEmpty();
        for (String id : acknowledged) {
            assertThat(TestDatabase.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", id))
                    .as("acknowledged request " + id).isEqualTo(1);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM request_index WHERE agency_code = ?", agency)).isGreaterThanOrEqualTo(acknowledged.size());
    }

    @Test
    @Order(5)
    void bothSidesSurviveAPostgresRestartUnderLoadWithNothingLostOrCountedTwice() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            postgres.execute("postgres", "CREATE DATABASE tracker ENCODING 'UTF8' TEMPLATE template0");
            String url = postgres.jdbcUrl("tracker");
            int commandPort = SystemUnderTest.anyFreePort();
            int queryPort = SystemUnderTest.anyFreePort();
            Process commandSide = system.startExtraOn(url, "postgres", "", "command-side", commandPort);
            Process querySide = null;
            try {
                querySide = system.startExtraOn(url, "postgres", "", "query-side", queryPort);
                ApiClient command = ApiClient.at("http://localhost:" + commandPort).as("admin", "admin");
                restartUnderLoad(postgres, command, command.on("http://localhost:" + queryPort));
            } finally {
                commandSide.destroyForcibly().waitFor();
                if (querySide != null) {
                    querySide.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static void restartUnderLoad(PrivatePostgres postgres, ApiClient command, ApiClient query) throws Exception {
        String agency = "F" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(command.post("/api/agencies", Map.of("code", agency, "name", "容错测试局")).status()).isEqualTo(201);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger logical = new AtomicInteger();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            writers.add(pool.submit(() -> {
                while (running.get()) {
                    logical.incrementAndGet();
                    // one logical request, retried with its idempotency key until it is acknowledged
                    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
                    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    while (System.nanoTime() < deadline) {
                        try {
                            ApiClient.Response r = command.post("/api/requests", request(agency), key);
                            if (r.status() == 201) {
                                acknowledged.add(r.field("requestId"));
                                break;
                            }
                        } catch (RuntimeException down) {
                            // PostgreSQL restarting
                        }
                        sleep(200);
                    }
                }
                return null;
            }));
        }
        sleep(2000);
        postgres.restart();
        sleep(4000);
        running.set(false);
        for (Future<?> w : writers) {
            w.get();
        }
        pool.shutdown();
        assertThat(acknowledged).hasSize(logical.get());
        assertThat(acknowledged.stream().distinct()).hasSize(acknowledged.size());
        // each acknowledged request recorded exactly once: as many events as requests, one per request
        String[] ids = acknowledged.toArray(String[]::new);
        assertThat(postgres.count("tracker", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)", (Object) ids))
                .isEqualTo(ids.length);
        assertThat(postgres.count("tracker", "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                (Object) ids)).isEqualTo(ids.length);
        int expected = acknowledged.size();
        awaitJson(query, "/api/reports/2026/matrix?agencyCode=" + agency,
                j -> j.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt() == expected, Duration.ofSeconds(120));
        assertThat(awaitJson(query, "/api/requests?agencyCode=" + agency, j -> j.path("total").asInt() == expected, Duration.ofSeconds(10))
                .path("total").asInt()).isEqualTo(expected);
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tiny load balancer: each request goes to the next command side in turn. */
    private static HttpServer roundRobinProxy(List<String> targets) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        AtomicInteger next = new AtomicInteger();
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            String target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
            HttpURLConnection c = (HttpURLConnection) URI.create(target + exchange.getRequestURI()).toURL().openConnection();
            c.setRequestMethod(exchange.getRequestMethod());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> c.addRequestProperty(name, v));
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length > 0) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            byte[] answer;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            c.getHeaderFields().forEach((name, values) -> {
                if (name != null && !name.equalsIgnoreCase("Transfer-Encoding") && !name.equalsIgnoreCase("Content-Length")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
