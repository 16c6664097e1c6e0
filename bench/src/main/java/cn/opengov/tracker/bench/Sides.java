package cn.opengov.tracker.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two jars started as processes with a 512 MiB heap, as in production. Their ports are 18081 and 18082 unless
 * {@code BENCH_PORT_BASE} (bench/run.sh passes it as {@code -Dbench.port-base}) says otherwise, so that two runs on
 * different data sets can share a machine; a run never talks to a side it did not start (see {@link #start}).
 */
final class Sides implements AutoCloseable {

    static final int COMMAND_PORT = Integer.getInteger("bench.port-base", 18081);
    static final int QUERY_PORT = COMMAND_PORT + 1;
    static final String COMMAND = "http://localhost:" + COMMAND_PORT;
    static final String QUERY = "http://localhost:" + QUERY_PORT;

    private final Options options;
    private final List<Process> running = new ArrayList<>();
    private Process query;
    private Process command;

    Sides(Options options) {
        this.options = options;
    }

    void startCommandSide() throws IOException {
        // the bare endpoint of the intake phase (POST /api/bench/bare): a deployment never has it
        command = start("command-side", COMMAND_PORT, "--tracker.bench.bare-endpoint=true");
        running.add(command);
        await(COMMAND);
    }

    void startQuerySide() throws IOException {
        query = start("query-side", QUERY_PORT);
        running.add(query);
        await(QUERY);
    }

    void stopQuerySide() throws InterruptedException {
        if (query != null) {
            query.destroy();
            query.waitFor();
            running.remove(query);
            query = null;
        }
    }

    /** The command side's process id (for its CPU time and its flight recording). */
    long commandPid() {
        return command.pid();
    }

    /** The query side's process id, or -1 when it is not running. */
    long queryPid() {
        return query == null ? -1 : query.pid();
    }

    private Process start(String side, int port, String... extra) throws IOException {
        // a side left running by another run would answer the readiness check below and be measured instead
        if (answers("http://localhost:" + port)) {
            throw new IllegalStateException("port " + port + " is taken (another bench run?): wait for it, or set "
                    + "BENCH_PORT_BASE to another pair of free ports");
        }
        Path root = Path.of(options.root()).toAbsolutePath().normalize();
        Path logs = root.resolve("bench/results/logs");
        Files.createDirectories(logs);
        List<String> jvm = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m", "-XX:+UseG1GC"));
        if (options.profile()) {
            // Spring's stacks run past JFR's default depth of 64 frames, which would cut off the callers
            jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
        }
        ProcessBuilder pb = new ProcessBuilder(jvm);
        pb.command().addAll(List.of("-jar", root.resolve(side + "/target/" + side + ".jar").toString(), "--tracker.today=2026-06-15",
                // one client sends every public lookup: the per-address limit would measure the throttle instead
                "--tracker.public.lookups-per-minute=2000000000", "--tracker.reminders.enabled=false"));
        pb.command().addAll(List.of(extra));
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SPRING_DATASOURCE_URL", options.jdbcUrl());
        pb.environment().put("SPRING_DATASOURCE_USERNAME", options.dbUser());
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", options.dbPassword());
        pb.environment().put("TRACKER_WEB_ORIGINS", "");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(side + ".log").toFile()));
        return pb.start();
    }

    private static boolean answers(String base) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + "/actuator/health").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.getResponseCode();
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    private static void await(String base) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(base + "/actuator/health/readiness").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            sleep(300);
        }
        throw new IllegalStateException(base + " did not start; see bench/results/logs");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.forEach(Process::destroy);
    }
}
