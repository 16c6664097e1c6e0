package cn.opengov.tracker.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuild: every read model rebuilt from the event store; events per second. Meanwhile one client reads, as users
 * would during a rebuild (issue 18: every read answers, from the tables as they were): a department's annual table,
 * a page of a city's board and a department's request list in turn, counting every answer that is not 200.
 */
final class RebuildBench {

    private static final String[] READS = {
            "/api/reports/2025/matrix?agencyCode=B0001",
            "/api/deadlines?agencyCode=C01&includeSubAgencies=true&asOf=2026-06-15&size=50&page=0",
            "/api/requests?agencyCode=B0001&size=50&page=0"};

    private final Database db;

    RebuildBench(Database db) {
        this.db = db;
    }

    void run(Results results, HeapSampler heap, String label) throws Exception {
        long events = db.count("SELECT count(*) FROM domain_event_entry");
        Http admin = new Http("admin", "admin");
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        Latencies during = new Latencies(10_000);
        AtomicLong refused = new AtomicLong();
        Thread reader = new Thread(() -> readWhile(rebuilding, during, refused), "reads-during-rebuild");
        long started = System.nanoTime();
        var accepted = admin.post(Sides.QUERY + "/api/admin/projections/rebuild", Map.of());
        if (accepted.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + accepted.status() + " " + accepted.json());
        }
        reader.start();
        long head = db.count("SELECT max(global_index) FROM domain_event_entry");
        double seconds;
        double vacuumSeconds;
        try {
            while (true) {
                var status = admin.get(Sides.QUERY + "/api/admin/projections/status");
                if (status.status() == 200 && status.json().path("processedPosition").asLong() >= head) {
                    break;
                }
                Sides.sleep(250);
            }
            seconds = (System.nanoTime() - started) / 1e9;
            // the rebuilt tables are VACUUMed after the swap (readers go on meanwhile): the read phase starts after it
            long vacuumStarted = System.nanoTime();
            while (admin.get(Sides.QUERY + "/api/admin/projections/status").json().path("vacuumingHere").asBoolean()) {
                Sides.sleep(250);
            }
            vacuumSeconds = (System.nanoTime() - vacuumStarted) / 1e9;
        } finally {
            rebuilding.set(false);
            reader.join();
        }
        results.add("rebuild of every read model, " + label + " (" + events + " events)", events / seconds, "events/s",
                ">= 100000", String.format("%.1f s", seconds));
        results.add("VACUUM of the rebuilt tables after the swap, " + label, vacuumSeconds, "s", "", "not a target; readers read meanwhile");
        results.add("reads during the rebuild (" + label + "): answers other than 200", refused.get(), "answers", "0",
                during.count() + " reads");
        during.report(results, "reads during the rebuild (" + label + ": a table, a city's board page, a list)", "");
        results.add("peak heap, query side (rebuild " + label + ")", heap.queryPeakMiB(), "MiB", "< 512", "");
    }

    private static void readWhile(AtomicBoolean rebuilding, Latencies latencies, AtomicLong refused) {
        Http http = new Http("admin", "admin");
        for (int i = 0; rebuilding.get(); i++) {
            long t = System.nanoTime();
            try {
                if (http.get(Sides.QUERY + READS[i % READS.length]).status() != 200) {
                    refused.incrementAndGet();
                }
            } catch (Exception e) {
                refused.incrementAndGet();
            }
            latencies.add(System.nanoTime() - t);
            Sides.sleep(50);
        }
    }
}
