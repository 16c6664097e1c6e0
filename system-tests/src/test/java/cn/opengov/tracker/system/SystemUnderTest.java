package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Both sides as a user runs them: {@code java -jar command-side.jar} and {@code java -jar query-side.jar},
 * configured by the standard Spring variables, against the test run's database, and nginx in front of both: the
 * single address, listening on 127.0.0.1 and 127.0.0.2 (the browser uses the latter, an address other than
 * localhost). Started once for all system tests and stopped when the JVM exits.
 */
final class SystemUnderTest {

    /** The day the system believes it is, so that the tests' dates never become "in the future" or "not over". */
    static final String TODAY = "2026-06-15";

    private static SystemUnderTest running;

    final String commandUrl;
    final String queryUrl;
    /** The single address, where pages and both APIs are. */
    final String url;
    /** The same, as another machine would reach it: not localhost. */
    final String pagesUrl;
    private final List<Process> processes = new ArrayList<>();
    private final SingleAddress proxy;
    private final Path logs;

    private SystemUnderTest() throws IOException {
        Path root = Path.of(System.getProperty("tracker.jars", "..")).toAbsolutePath().normalize();
        logs = logsFolder();
        int commandPort = freePort();
        int queryPort = freePort();
        commandUrl = "http://localhost:" + commandPort;
        queryUrl = "http://localhost:" + queryPort;
        start(root.resolve("command-side/target/command-side.jar"), commandPort, "command-side");
        awaitReady(commandUrl, "command-side");
        start(root.resolve("query-side/target/query-side.jar"), queryPort, "query-side");
        awaitReady(queryUrl, "query-side");
        int proxyPort = freePort();
        proxy = SingleAddress.start(root.resolve("system-tests/target/nginx"), "127.0.0.1:" + commandPort,
                "127.0.0.1:" + queryPort, List.of("127.0.0.1:" + proxyPort, "127.0.0.2:" + proxyPort), Map.of());
        url = "http://127.0.0.1:" + proxyPort;
        pagesUrl = "http://127.0.0.2:" + proxyPort;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    static synchronized SystemUnderTest get() {
        if (running == null) {
            try {
                running = new SystemUnderTest();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    /** Another instance of a side on the same database (scale-out and fault tests); the caller stops it. */
    Process startExtra(String side, int port, String... options) throws IOException {
        return startExtraOn(System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/tracker_test"),
                System.getProperty("test.db.user", "postgres"), System.getProperty("test.db.password", ""), side, port, options);
    }

    /** An instance of a side on another database (a private cluster's); the caller stops it. */
    Process startExtraOn(String databaseUrl, String user, String password, String side, int port, String... options)
            throws IOException {
        Process process = launch(databaseUrl, user, password, side, port, options);
        awaitReady("http://localhost:" + port, side + " on " + port);
        return process;
    }

    /** A side started without waiting for it: the caller watches it (and stops it). Its output goes to its log. */
    Process launch(String databaseUrl, String user, String password, String side, int port, String... options) throws IOException {
        return launchAlone(databaseUrl, user, password, side, port, options);
    }

    Path logFile(String side, int port) {
        return sideLog(side, port);
    }

    /**
     * A side on a database of the test's own, without the shared system (tests with clusters of their own need
     * nothing of it); the caller stops it.
     */
    static Process startAloneOn(String databaseUrl, String user, String password, String side, int port, String... options)
            throws IOException {
        Process process = launchAlone(databaseUrl, user, password, side, port, options);
        awaitReady("http://localhost:" + port, side + " on " + port);
        return process;
    }

    static Process launchAlone(String databaseUrl, String user, String password, String side, int port, String... options)
            throws IOException {
        Path root = Path.of(System.getProperty("tracker.jars", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar",
                root.resolve(side + "/target/" + side + ".jar").toString(), "--tracker.today=" + TODAY));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
        pb.environment().put("SPRING_DATASOURCE_USERNAME", user);
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", password);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(sideLog(side, port).toFile()));
        return pb.start();
    }

    /** Where a side started by a test writes its output: system-tests/target/system-logs/side-port.log. */
    static Path sideLog(String side, int port) {
        return logsFolder().resolve(side + "-" + port + ".log");
    }

    private static Path logsFolder() {
        Path root = Path.of(System.getProperty("tracker.jars", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests/target/system-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return logs;
    }

    static int anyFreePort() throws IOException {
        return freePort();
    }

    ApiClient command(String user, String password) {
        return ApiClient.at(commandUrl).as(user, password);
    }

    ApiClient admin() {
        return command("admin", "admin");
    }

    /** A user's client at the single address: writes and reads alike. */
    ApiClient atSingleAddress(String user, String password) {
        return ApiClient.at(url).as(user, password);
    }

    private void start(Path jar, int port, String name, String... options) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn verify (or package) from the top folder");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString(), "--tracker.today=" + TODAY));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SPRING_DATASOURCE_URL", System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/tracker_test"));
        pb.environment().put("SPRING_DATASOURCE_USERNAME", System.getProperty("test.db.user", "postgres"));
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", System.getProperty("test.db.password", ""));
        pb.redirectErrorStream(true);
        pb.redirectOutput(logs.resolve(name + ".log").toFile());
        processes.add(pb.start());
    }

    static void awaitReady(String baseUrl, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + "/actuator/health/readiness").toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(name + " did not become ready within 120 s; see system-tests/target/system-logs");
    }

    private void stop() {
        proxy.close();
        processes.forEach(Process::destroy);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
