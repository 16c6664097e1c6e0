package cn.opengov.tracker.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the tests' own, for the tests that restart or starve a server: initdb in a temporary
 * folder, a free port on 127.0.0.1, trust authentication, run as the user postgres when the tests run as root
 * (PostgreSQL refuses root). The machine's server, and everyone's databases on it, are never touched.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final int port;
    private final boolean root;
    /** pg_ctl's -o: the port, the socket folder and the caller's settings, kept for a start after a stop. */
    private String serverOptions;

    private PrivatePostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
        this.root = "root".equals(System.getProperty("user.name"));
    }

    /** initdb and start; {@code settings} are server settings such as {@code max_connections=5}. */
    static PrivatePostgres start(String... settings) throws Exception {
        PrivatePostgres pg = new PrivatePostgres(binaries(), Files.createTempDirectory("tracker-pg-"), SystemUnderTest.anyFreePort());
        pg.initdb();
        pg.startServer(settings);
        return pg;
    }

    /**
     * A streaming replica of this server (which needs {@code wal_level=replica} and {@code max_wal_senders}, as
     * PostgreSQL's defaults are): {@code pg_basebackup -R} into a folder of its own — a copy that follows this server
     * ({@code standby.signal}, {@code primary_conninfo}) — started on another free port, read-only (hot standby).
     * initdb's trust lines already let local connections replicate.
     */
    PrivatePostgres startReplica(String... settings) throws Exception {
        PrivatePostgres replica = new PrivatePostgres(bin, Files.createTempDirectory("tracker-pg-replica-"), SystemUnderTest.anyFreePort());
        replica.ownFolder();
        replica.run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-D", replica.data.toString(), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
        replica.startServer(settings);
        return replica;
    }

    /** An immediate stop, as a crash or a pulled cable looks to the clients: every connection is cut at once. */
    void stop() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same settings. */
    void startAgain() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", serverOptions, "start");
    }

    private void startServer(String... settings) throws Exception {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-k", folder.toString(), "-c", "fsync=off"));
        for (String setting : settings) {
            options.addAll(List.of("-c", setting));
        }
        serverOptions = String.join(" ", options);
        startAgain();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String database, String sql, Object... args) throws SQLException {
        try (Connection c = connect(database); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A fast shutdown and a start, as an operator restarts a server: every connection is cut. */
    void restart() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                "-m", "fast", "-w", "-t", "60", "restart");
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void initdb() throws Exception {
        ownFolder();
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync");
    }

    /** PostgreSQL refuses to run as root: when the tests do, the server's folder belongs to the user postgres. */
    private void ownFolder() throws IOException {
        if (root) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(Arrays.asList(command));
        // into a file, not a pipe: a server that pg_ctl starts would hold a pipe open for as long as it runs
        Path output = folder.resolve("command.out");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " failed: " + Files.readString(output) + logTail());
        }
    }

    private String logTail() throws IOException {
        Path log = folder.resolve("server.log");
        return Files.exists(log) ? "\n" + Files.readString(log) : "";
    }

    /** The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/N/bin), as bin/lib/common.sh finds them. */
    private static Path binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException("PostgreSQL's initdb is needed for the fault tests: apt-get install postgresql (bin/test does this)");
    }
}
