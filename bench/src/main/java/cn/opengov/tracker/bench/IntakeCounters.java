package cn.opengov.tracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an intake phase's work goes, as counters read before and after it: the bench database's transactions and
 * new connections (pg_stat_database), rows written and scans per table (pg_stat_user_tables), each side's pooled
 * connections handed out (Hikari's usage count, over Actuator), and the CPU time of each process
 * (/proc/&lt;pid&gt;/stat): the command side, the query side, PostgreSQL's processes for this database, the bench.
 * Read over one connection kept open, so that reading them opens none.
 */
final class IntakeCounters implements AutoCloseable {

    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Connection db;
    private final Sides sides;
    private final Http admin = new Http("admin", "admin");

    IntakeCounters(Database database, Sides sides) throws SQLException {
        this.db = database.connect();
        this.db.setAutoCommit(true);
        this.sides = sides;
    }

    /** The counters at one moment. */
    record Snapshot(long nanos, long transactions, long sessions, Map<String, long[]> tables, double commandPool,
                    double queryPool, Map<String, Double> cpuSeconds, Map<Long, Double> postgresBackends) {
    }

    /**
     * Waits for PostgreSQL's statistics to be complete, then reads. A backend reports its counters at most once a
     * second and an idle one within 10 seconds, so every read waits that long first.
     */
    Snapshot settledSnapshot() throws Exception {
        Sides.sleep(11_000);
        return snapshot();
    }

    Snapshot snapshot() throws Exception {
        long transactions;
        long sessions;
        try (Statement s = db.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT xact_commit + xact_rollback, sessions FROM pg_stat_database "
                    + "WHERE datname = current_database()")) {
                rs.next();
                transactions = rs.getLong(1);
                sessions = rs.getLong(2);
            }
        }
        Map<String, long[]> tables = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables")) {
            while (rs.next()) {
                tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
            }
        }
        Map<Long, Double> backends = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                   OR backend_type IN ('walwriter', 'checkpointer', 'background writer')""")) {
            while (rs.next()) {
                backends.put(rs.getLong(1), cpuSecondsOf(rs.getLong(1)));
            }
        }
        Map<String, Double> cpu = new HashMap<>();
        cpu.put("command", cpuSecondsOf(sides.commandPid()));
        cpu.put("query", sides.queryPid() < 0 ? 0 : cpuSecondsOf(sides.queryPid()));
        cpu.put("bench", cpuSecondsOf(ProcessHandle.current().pid()));
        return new Snapshot(System.nanoTime(), transactions, sessions, tables, poolUsage(Sides.COMMAND),
                poolUsage(Sides.QUERY), cpu, backends);
    }

    /** One number from the database, over the counters' own connection (so that asking opens none). */
    long scalar(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The PostgreSQL CPU time between two snapshots: the backends alive at the second, from the first or their start. */
    static double postgresCpu(Snapshot before, Snapshot after) {
        double sum = 0;
        for (Map.Entry<Long, Double> e : after.postgresBackends().entrySet()) {
            sum += e.getValue() - before.postgresBackends().getOrDefault(e.getKey(), 0.0);
        }
        return sum;
    }

    /** Per table: rows inserted+updated+deleted, and scans (sequential, by index), between two snapshots. */
    static List<String[]> tableDeltas(Snapshot before, Snapshot after) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.tables().entrySet()) {
            long[] b = before.tables().getOrDefault(e.getKey(), new long[5]);
            long[] a = e.getValue();
            long written = (a[0] - b[0]) + (a[1] - b[1]) + (a[2] - b[2]);
            long seq = a[3] - b[3];
            long idx = a[4] - b[4];
            if (written + seq + idx > 0) {
                rows.add(new String[] {e.getKey(), String.valueOf(a[0] - b[0]), String.valueOf(a[1] - b[1]),
                        String.valueOf(a[2] - b[2]), String.valueOf(seq), String.valueOf(idx)});
            }
        }
        return rows;
    }

    /** How many connections the side's pool has handed out so far (-1 when the metric is not there). */
    private double poolUsage(String base) {
        try {
            Http.Answer a = admin.get(base + "/actuator/metrics/hikaricp.connections.usage");
            if (a.status() != 200) {
                return -1;
            }
            for (var m : a.json().path("measurements")) {
                if ("COUNT".equals(m.path("statistic").asText())) {
                    return m.path("value").asDouble();
                }
            }
        } catch (IOException down) {
            // the side is not running
        }
        return -1;
    }

    private static double cpuSecondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command's name: field 3 (state) is [0], utime (14) is [11], stime (15) is [12]
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
