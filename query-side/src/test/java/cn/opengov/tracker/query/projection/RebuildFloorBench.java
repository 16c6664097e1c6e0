package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.eventstore.EventStoreConfiguration;
import cn.opengov.tracker.query.requestdetail.RequestViewStore;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;

/**
 * Issue 18 asks a rebuild of 100,000 events/s; this measures what the least a rebuild must do costs, on this
 * machine, so that a miss is proved by a measurement and not argued: the bulk replay's own cursor over the request
 * events (in its order, with its settings), then the same with every payload deserialized by the event store's
 * serializer, then with the events folded into their requests' states ({@link ProjectedRequest#next}), then with
 * each request's row of {@code request_view} made as the rebuild's COPY text (and thrown away) — nothing written. For each pass: events per second, and the CPU it took, in microseconds per event, of this JVM
 * and of the PostgreSQL backend that served the cursor (from /proc). Two cores give 20 µs of CPU per event at
 * 100,000 events/s for everything; a floor above that leaves nothing for the writes, on any number of threads.
 * <p>
 * Not a test: named *Bench so that no test run picks it up. Run it on a bench data set (bench/run.sh leaves one):
 * {@code mvn -q -pl query-side -am test -Dtest=RebuildFloorBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfloor.jdbc=jdbc:postgresql://127.0.0.1:5432/tracker_bench_X}
 */
class RebuildFloorBench {

    private enum Pass { READ, DESERIALIZE, FOLD, ROW }

    @Test
    void floorOfARebuild() throws Exception {
        String url = System.getProperty("floor.jdbc");
        if (url == null) {
            throw new IllegalStateException("-Dfloor.jdbc=<a bench data set's url> is required");
        }
        Serializer serializer = new EventStoreConfiguration().serializer();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s %12s %9s %14s %14s %12s%n",
                "pass", "events", "events/s", "seconds", "JVM µs/event", "PG µs/event", "folded"));
        for (Pass pass : Pass.values()) {
            report.append(run(url, serializer, pass));
        }
        // the first pass again, now that the event table is as warm in the cache as it was for the last
        report.append(run(url, serializer, Pass.READ));
        System.out.println(report);
    }

    private static String run(String url, Serializer serializer, Pass pass) throws Exception {
        try (Connection con = DriverManager.getConnection(url, System.getProperty("floor.user", "postgres"),
                System.getProperty("floor.password", ""))) {
            con.setAutoCommit(false);
            try (Statement s = con.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                // as BulkReplay.replayRequests sets them
                s.execute("SET LOCAL enable_sort = off");
                s.execute("SET LOCAL work_mem = '256MB'");
            }
            long backend = backendPid(con);
            long pgBefore = cpuTicks(backend);
            long jvmBefore = jvmCpuNanos();
            long started = System.nanoTime();
            long events = 0;
            long folded = 0;
            try (PreparedStatement ps = con.prepareStatement("SELECT aggregate_identifier, sequence_number, time_stamp, "
                    + "payload_type, payload_revision, payload FROM domain_event_entry WHERE type = ? "
                    + "ORDER BY aggregate_identifier, sequence_number", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(5000);
                ps.setString(1, BulkReplay.REQUEST_AGGREGATE);
                try (ResultSet rs = ps.executeQuery()) {
                    String currentId = null;
                    ProjectedRequest current = null;
                    CopyRows rows = new CopyRows(BulkReplay.REQUESTS_PER_BATCH);
                    while (rs.next()) {
                        events++;
                        String id = rs.getString(1);
                        long sequence = rs.getLong(2);
                        String recorded = rs.getString(3);
                        byte[] payload = rs.getBytes(6);
                        if (pass == Pass.READ) {
                            continue;
                        }
                        Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                                rs.getString(4), rs.getString(5)));
                        if (pass.compareTo(Pass.FOLD) >= 0 && event instanceof RequestEvent requestEvent) {
                            if (!id.equals(currentId)) {
                                if (pass == Pass.ROW && current != null) {
                                    rows = rowOf(rows, current, folded);
                                }
                                currentId = id;
                                current = null;
                                folded++;
                            }
                            Instant recordedAt = event instanceof RequestReceived ? DateTimeUtils.parseInstant(recorded) : null;
                            current = ProjectedRequest.next(current, requestEvent, sequence, recordedAt);
                        }
                    }
                    if (current == null && folded > 0) {
                        throw new IllegalStateException("the last request folded to nothing");
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double jvm = (jvmCpuNanos() - jvmBefore) / 1e3 / events;
            double pg = (cpuTicks(backend) - pgBefore) * (1e6 / 100) / events; // USER_HZ = 100
            con.rollback();
            return String.format(Locale.ROOT, "%-12s %10d %12.0f %9.1f %14.2f %14.2f %12d%n", pass, events,
                    events / seconds, seconds, jvm, pg, folded);
        }
    }

    /** request_view's row of the {@code nth} request as the rebuild's COPY text, thrown away every batch instead of sent. */
    private static CopyRows rowOf(CopyRows rows, ProjectedRequest request, long nth) {
        RequestViewStore.addRow(rows, request);
        return nth % BulkReplay.REQUESTS_PER_BATCH == 0 ? new CopyRows(BulkReplay.REQUESTS_PER_BATCH) : rows;
    }

    private static long backendPid(Connection con) throws Exception {
        try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** utime + stime of a process on this machine, in clock ticks. */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
