package cn.opengov.tracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * extensions, then an answer), against two yardsticks at the same concurrency: single-row inserts straight into
 * PostgreSQL, each in its own transaction as each command is, and the command side's bare endpoint
 * (POST /api/bench/bare: the same Tomcat, JSON reading, validation, authentication and connection pool, one
 * event-sized row per call in its own transaction). The bare endpoint and the lifecycles run one after the other for
 * the same seconds, the query side running throughout (it projects the lifecycles' events; the bare rows are no
 * events). Around each of the two phases {@link IntakeCounters} reads where the work went, and with
 * {@code --profile=true} {@link IntakeProfile} records the command side.
 */
final class IntakeBench {

    /** Both endpoints are called this long before the measured phases, so that neither pays for the JIT alone. */
    private static final int WARM_UP_SECONDS = 5;

    private final Options options;
    private final Database db;
    private final Sides sides;

    IntakeBench(Options options, Database db, Sides sides) {
        this.options = options;
        this.db = db;
        this.sides = sides;
    }

    /** What one phase did: calls (bare posts, or requests with their life), commands, failures, time, latencies. */
    private record Phase(long calls, long commands, long failures, double seconds, Latencies latencies) {
    }

    private interface Work {
        /** One unit of work on one client: the number of commands it sent. */
        int run(Http http, Random random, Latencies latencies, AtomicLong failures) throws Exception;
    }

    void run(Results results, HeapSampler heap) throws Exception {
        double raw = rawInsertsPerSecond();
        results.add("raw PostgreSQL inserts (" + options.threads() + " connections, one row per transaction)", raw, "rows/s", "", "");
        db.createBareTable();
        Http admin = new Http("admin", "admin");
        admin.post(Sides.COMMAND + "/api/agencies", Map.of("code", "INTAKE", "name", "压测机关"));
        String clients = options.threads() + " clients, " + options.intakeSeconds() + " s";
        System.out.println("bench: intake warm-up, " + WARM_UP_SECONDS + " s of each endpoint");
        run(admin, WARM_UP_SECONDS, IntakeBench::bare);
        run(admin, WARM_UP_SECONDS, IntakeBench::lifecycle);
        Path out = Path.of(options.out());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try (IntakeCounters counters = new IntakeCounters(db, sides)) {
            IntakeCounters.Snapshot beforeBare = counters.settledSnapshot();
            System.out.println("bench: intake, bare endpoint");
            startProfile();
            Phase bare = run(admin, options.intakeSeconds(), IntakeBench::bare);
            List<String> bareProfile = stopProfile(out.resolve("intake-bare-" + stamp + ".jfr"));
            IntakeCounters.Snapshot afterBare = counters.settledSnapshot();
            System.out.println("bench: intake, requests with their lifecycle");
            startProfile();
            Phase real = run(admin, options.intakeSeconds(), IntakeBench::lifecycle);
            List<String> realProfile = stopProfile(out.resolve("intake-commands-" + stamp + ".jfr"));
            double caughtUp = awaitQuerySide(counters);
            IntakeCounters.Snapshot afterReal = counters.settledSnapshot();

            double barePerSecond = bare.calls() / bare.seconds();
            results.add("bare endpoint: POST /api/bench/bare", barePerSecond, "posts/s", "", clients + ", " + bare.failures() + " failed");
            bare.latencies().report(results, "bare endpoint: POST /api/bench/bare", "");
            double perSecond = real.calls() / real.seconds();
            double commandsPerSecond = real.commands() / real.seconds();
            results.add("intake over HTTP: requests with their whole lifecycle", perSecond, "requests/s", ">= raw / 2", clients);
            results.add("intake over HTTP: commands", commandsPerSecond, "commands/s", "", real.failures() + " failed");
            real.latencies().report(results, "intake over HTTP: per command", "< 25");
            results.add("intake ratio: commands/s ÷ bare posts/s", commandsPerSecond / barePerSecond, "ratio", ">= 0.5", "");
            results.add("intake ratio: requests/s ÷ raw inserts/s", perSecond / raw, "ratio", ">= 0.5", "");
            results.add("intake ratio: commands/s ÷ raw inserts/s", commandsPerSecond / raw, "ratio", "", "");
            results.add("query side caught up after the last command", caughtUp, "s", "", "its token at the store's last position");
            List<String> notes = new ArrayList<>();
            costs(results, notes, "bare", "post", bare.calls(), beforeBare, afterBare);
            costs(results, notes, "commands", "command", real.commands(), afterBare, afterReal);
            notes.add("");
            notes.add("# command side profile, bare endpoint phase");
            notes.addAll(bareProfile);
            notes.add("");
            notes.add("# command side profile, lifecycle phase");
            notes.addAll(realProfile);
            Files.createDirectories(out);
            Path file = out.resolve("intake-costs-" + stamp + ".txt");
            Files.write(file, notes);
            System.out.println("bench: intake costs and profile written to " + file);
        }
        results.add("peak heap, command side (intake)", heap.commandPeakMiB(), "MiB", "< 512", "");
        results.add("peak heap, query side (intake)", heap.queryPeakMiB(), "MiB", "< 512", "");
    }

    /** What a phase cost per post or per command, from the counters around it; the tables' lines go to the notes. */
    private static void costs(Results results, List<String> notes, String phase, String unit, long n,
                              IntakeCounters.Snapshot before, IntakeCounters.Snapshot after) {
        double wall = (after.nanos() - before.nanos()) / 1e9;
        String per = "per " + unit + " (" + phase + ")";
        String window = "counted over " + String.format("%.0f", wall) + " s, the settling waits included";
        results.add("transactions " + per, (after.transactions() - before.transactions()) / (double) n, "xact",
                "", "the whole database: both sides and the bench's own reads");
        results.add("new database connections " + per, (after.sessions() - before.sessions()) / (double) n, "sessions", "", "");
        if (after.commandPool() >= 0) {
            results.add("pooled connections handed out " + per + ", command side", (after.commandPool() - before.commandPool()) / n,
                    "borrows", "", "Hikari usage count");
        }
        if (after.queryPool() >= 0) {
            results.add("pooled connections handed out " + per + ", query side", (after.queryPool() - before.queryPool()) / n,
                    "borrows", "", "Hikari usage count");
        }
        double command = after.cpuSeconds().get("command") - before.cpuSeconds().get("command");
        double query = after.cpuSeconds().get("query") - before.cpuSeconds().get("query");
        double bench = after.cpuSeconds().get("bench") - before.cpuSeconds().get("bench");
        double postgres = IntakeCounters.postgresCpu(before, after);
        results.add("CPU " + per + ", command side", 1000 * command / n, "ms", "", String.format("%.1f s; ", command) + window);
        results.add("CPU " + per + ", query side", 1000 * query / n, "ms", "", String.format("%.1f s", query));
        results.add("CPU " + per + ", PostgreSQL", 1000 * postgres / n, "ms", "",
                String.format("%.1f s; this database's backends, WAL writer, checkpointer, background writer", postgres));
        results.add("CPU " + per + ", bench clients", 1000 * bench / n, "ms", "", String.format("%.1f s", bench));
        notes.add("# " + phase + ": " + n + " " + unit + "s; per " + unit + ": rows inserted, updated, deleted, sequential scans, index scans ("
                + window + ")");
        notes.add(String.format("%-32s %8s %8s %8s %8s %8s", "table", "ins", "upd", "del", "seqscan", "idxscan"));
        for (String[] t : IntakeCounters.tableDeltas(before, after)) {
            notes.add(String.format("%-32s %8.3f %8.3f %8.3f %8.3f %8.3f", t[0], Long.parseLong(t[1]) / (double) n,
                    Long.parseLong(t[2]) / (double) n, Long.parseLong(t[3]) / (double) n, Long.parseLong(t[4]) / (double) n,
                    Long.parseLong(t[5]) / (double) n));
        }
        notes.add(String.format("transactions %.2f, new connections %.3f, command-side pool borrows %.2f, query-side pool borrows %.2f per %s",
                (after.transactions() - before.transactions()) / (double) n, (after.sessions() - before.sessions()) / (double) n,
                (after.commandPool() - before.commandPool()) / n, (after.queryPool() - before.queryPool()) / n, unit));
        notes.add(String.format("CPU s: command side %.1f, query side %.1f, PostgreSQL %.1f, bench %.1f, over %.1f s wall (x%d cores)",
                command, query, postgres, bench, wall, Runtime.getRuntime().availableProcessors()));
        notes.add("");
    }

    private void startProfile() throws Exception {
        if (options.profile()) {
            IntakeProfile.start(sides.commandPid());
        }
    }

    private List<String> stopProfile(Path file) throws Exception {
        if (!options.profile()) {
            return List.of("(not recorded: run with --profile=true)");
        }
        IntakeProfile.stop(sides.commandPid(), file);
        List<String> lines = new ArrayList<>(List.of("recording: " + file));
        lines.addAll(IntakeProfile.summarize(file, new LinkedHashMap<>()));
        return lines;
    }

    /** Seconds until the query side's projections have reached the store's last event (at most two minutes). */
    private static double awaitQuerySide(IntakeCounters counters) throws Exception {
        long started = System.nanoTime();
        long last = counters.scalar("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        while (System.nanoTime() - started < 120_000_000_000L) {
            long reached = counters.scalar("SELECT coalesce(min(substring(convert_from(token, 'UTF8') from '\"index\":([0-9]+)')::bigint), 0) "
                    + "FROM token_entry WHERE token IS NOT NULL");
            if (reached >= last) {
                break;
            }
            Sides.sleep(100);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The given work on every client for the given seconds. */
    private Phase run(Http http, int seconds, Work work) throws Exception {
        AtomicLong calls = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<Future<Latencies>> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            Random random = new Random(options.seed() + t + seconds * 1000L);
            workers.add(pool.submit(() -> {
                Latencies latencies = new Latencies(4096);
                while (System.nanoTime() < end) {
                    try {
                        commands.addAndGet(work.run(http, random, latencies, failures));
                        calls.incrementAndGet();
                    } catch (IllegalStateException stop) {
                        throw stop;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        Latencies all = new Latencies(4096);
        for (Future<Latencies> w : workers) {
            all.addAll(w.get());
        }
        pool.shutdown();
        return new Phase(calls.get(), commands.get(), failures.get(), (System.nanoTime() - started) / 1e9, all);
    }

    private static NewRequest newRequest(LocalDate received) {
        return new NewRequest("INTAKE", received.toString(), "ONLINE", NewRequest.Applicant.person("压测申请人"), "申请公开某项目的审批文件");
    }

    /** One bare post with the body a new request has. */
    private static int bare(Http http, Random random, Latencies latencies, AtomicLong failures) throws Exception {
        LocalDate received = LocalDate.of(2026, 3, 2).plusDays(random.nextInt(60));
        long t = System.nanoTime();
        Http.Answer posted = http.post(Sides.COMMAND + "/api/bench/bare", newRequest(received));
        latencies.add(System.nanoTime() - t);
        if (posted.status() != 201) {
            failures.incrementAndGet();
            if (posted.status() == 503 || posted.status() == 404) {
                throw new IllegalStateException("POST /api/bench/bare answered " + posted.status() + ": " + posted.json());
            }
        }
        return 1;
    }

    /** One request's life through the API, each command timed; returns the number of commands it took. */
    private static int lifecycle(Http http, Random random, Latencies latencies, AtomicLong failures) throws Exception {
        LocalDate received = LocalDate.of(2026, 3, 2).plusDays(random.nextInt(60));
        Http.Answer logged = timed(http, "", newRequest(received), latencies);
        if (logged.status() != 201) {
            failures.incrementAndGet();
            return 1;
        }
        String base = "/" + logged.json().path("requestId").asText();
        int sent = 1;
        int roll = random.nextInt(100);
        LocalDate day = received;
        if (roll < 5) {
            sent += ok(timed(http, base + "/correction-notice", Map.of("noticeOn", day.plusDays(2).toString(), "items", "请补充",
                    "applicantDueOn", day.plusDays(16).toString()), latencies), failures);
            sent += ok(timed(http, base + "/correction-received", Map.of("receivedOn", day.plusDays(6).toString()), latencies), failures);
            day = day.plusDays(6);
        }
        if (roll >= 5 && roll < 10) {
            Http.Answer c = timed(http, base + "/consultations", Map.of("kind", "THIRD_PARTY", "party", "第三方",
                    "sentOn", day.plusDays(3).toString()), latencies);
            sent += ok(c, failures);
            sent += ok(timed(http, base + "/consultations/" + c.json().path("consultationId").asText() + "/end",
                    Map.of("endedOn", day.plusDays(10).toString()), latencies), failures);
            day = day.plusDays(10);
        }
        if (roll >= 10 && roll < 12) {
            sent += ok(timed(http, base + "/extension", Map.of("approvedOn", day.plusDays(4).toString(), "workingDays", 10,
                    "reason", "复杂"), latencies), failures);
            day = day.plusDays(4);
        }
        if (roll < 90) {
            sent += ok(timed(http, base + "/answer", Map.of("answeredOn", day.plusDays(12).toString(), "outcome", "DISCLOSED"),
                    latencies), failures);
        }
        return sent;
    }

    /** One command to /api/requests{path}, its time from sending to the whole answer read. */
    private static Http.Answer timed(Http http, String path, Object body, Latencies latencies) throws Exception {
        long t = System.nanoTime();
        Http.Answer answer = http.post(Sides.COMMAND + "/api/requests" + path, body);
        latencies.add(System.nanoTime() - t);
        return answer;
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
