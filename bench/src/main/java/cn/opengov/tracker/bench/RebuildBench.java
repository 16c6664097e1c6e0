package cn.opengov.tracker.bench;

import java.util.Map;

/** Rebuild: every read model emptied and rebuilt from the event store; events per second. */
final class RebuildBench {

    private final Database db;

    RebuildBench(Database db) {
        this.db = db;
    }

    void run(Results results, HeapSampler heap, String label) throws Exception {
        long events = db.count("SELECT count(*) FROM domain_event_entry");
        Http admin = new Http("admin", "admin");
        long started = System.nanoTime();
        var accepted = admin.post(Sides.QUERY + "/api/admin/projections/rebuild", Map.of());
        if (accepted.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + accepted.status() + " " + accepted.json());
        }
        long head = db.count("SELECT max(global_index) FROM domain_event_entry");
        while (true) {
            var status = admin.get(Sides.QUERY + "/api/admin/projections/status");
            if (status.status() == 200 && status.json().path("processedPosition").asLong() >= head) {
                break;
            }
            Sides.sleep(250);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        results.add("rebuild of every read model, " + label + " (" + events + " events)", events / seconds, "events/s",
                ">= 50000", String.format("%.1f s", seconds));
        results.add("peak heap, query side (rebuild " + label + ")", heap.queryPeakMiB(), "MiB", "< 512", "");
    }
}
