package cn.opengov.tracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake: requests logged per second through the HTTP API, each with a realistic life (some 补正, consultations,
 * extensions, then an answer), against single-row inserts straight into PostgreSQL at the same concurrency, each
 * in its own transaction as each command is.
 */
final class IntakeBench {

    private final Options options;
    private final Database db;

    IntakeBench(Options options, Database db) {
        this.options = options;
        this.db = db;
    }

    void run(Results results, HeapSampler heap) throws Exception {
        double raw = rawInsertsPerSecond();
        results.add("raw PostgreSQL inserts (" + options.threads() + " connections, one row per transaction)", raw, "rows/s", "", "");
        Http admin = new Http("admin", "admin");
        admin.post(Sides.COMMAND + "/api/agencies", Map.of("code", "INTAKE", "name", "压测机关"));
        AtomicLong requests = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + options.intakeSeconds() * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            Random random = new Random(options.seed() + t);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        commands.addAndGet(lifecycle(admin, random, failures));
                        requests.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = requests.get() / seconds;
        results.add("intake over HTTP: requests with their whole lifecycle", perSecond, "requests/s", ">= raw / 2",
                options.threads() + " clients, " + options.intakeSeconds() + " s");
        results.add("intake over HTTP: commands", commands.get() / seconds, "commands/s", "", failures.get() + " failed");
        results.add("intake ratio: requests/s ÷ raw inserts/s", perSecond / raw, "ratio", ">= 0.5", "");
        results.add("intake ratio: commands/s ÷ raw inserts/s", commands.get() / seconds / raw, "ratio", "", "");
        results.add("peak heap, command side (intake)", heap.commandPeakMiB(), "MiB", "< 512", "");
        results.add("peak heap, query side (intake)", heap.queryPeakMiB(), "MiB", "< 512", "");
    }

    /** One request's life through the API; returns the number of commands it took. */
    private static int lifecycle(Http http, Random random, AtomicLong failures) throws Exception {
        LocalDate received = LocalDate.of(2026, 3, 2).plusDays(random.nextInt(60));
        var logged = http.post(Sides.COMMAND + "/api/requests", Map.of("agencyCode", "INTAKE", "receivedOn", received.toString(),
                "channel", "ONLINE", "applicant", Map.of("type", "NATURAL_PERSON", "name", "压测申请人"),
                "description", "申请公开某项目的审批文件"));
        if (logged.status() != 201) {
            failures.incrementAndGet();
            return 1;
        }
        String base = Sides.COMMAND + "/api/requests/" + logged.json().path("requestId").asText();
        int sent = 1;
        int roll = random.nextInt(100);
        LocalDate day = received;
        if (roll < 5) {
            sent += ok(http.post(base + "/correction-notice", Map.of("noticeOn", day.plusDays(2).toString(), "items", "请补充", "applicantDueOn", day.plusDays(16).toString())), failures);
            sent += ok(http.post(base + "/correction-received", Map.of("receivedOn", day.plusDays(6).toString())), failures);
            day = day.plusDays(6);
        }
        if (roll >= 5 && roll < 10) {
            var c = http.post(base + "/consultations", Map.of("kind", "THIRD_PARTY", "party", "第三方", "sentOn", day.plusDays(3).toString()));
            sent += ok(c, failures);
            sent += ok(http.post(base + "/consultations/" + c.json().path("consultationId").asText() + "/end",
                    Map.of("endedOn", day.plusDays(10).toString())), failures);
            day = day.plusDays(10);
        }
        if (roll >= 10 && roll < 12) {
            sent += ok(http.post(base + "/extension", Map.of("approvedOn", day.plusDays(4).toString(), "workingDays", 10, "reason", "复杂")), failures);
            day = day.plusDays(4);
        }
        if (roll < 90) {
            sent += ok(http.post(base + "/answer", Map.of("answeredOn", day.plusDays(12).toString(), "outcome", "DISCLOSED")), failures);
        }
        return sent;
    }

    private static int ok(Http.Answer answer, AtomicLong failures) {
        if (answer.status() >= 300) {
            failures.incrementAndGet();
        }
        return 1;
    }

    private double rawInsertsPerSecond() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_raw_insert (id uuid PRIMARY KEY, agency_code text, received_on date, payload jsonb)");
        }
        AtomicLong rows = new AtomicLong();
        int seconds = Math.max(10, options.intakeSeconds() / 3);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            workers.add(pool.submit(() -> {
                try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_raw_insert (id, agency_code, received_on, payload) VALUES (?, 'INTAKE', current_date, ?::jsonb)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "{\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"压测申请人\"},\"description\":\"申请公开某项目的审批文件\"}");
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }
}
