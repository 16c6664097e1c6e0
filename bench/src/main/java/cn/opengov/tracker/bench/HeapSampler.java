package cn.opengov.tracker.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples each side's used heap (Actuator's jvm.memory.used, area heap) twice a second and keeps the peaks. Used
 * heap includes garbage not yet collected: G1 lets it grow towards -Xmx before collecting, so the peak nears 512
 * MiB on any busy side. What the side really holds is the live data after a collection (jvm.gc.live.data.size),
 * kept as a second peak.
 */
final class HeapSampler implements AutoCloseable {

    private final Http http = new Http("admin", "admin");
    private final AtomicLong commandPeak = new AtomicLong();
    private final AtomicLong queryPeak = new AtomicLong();
    private final AtomicLong commandLivePeak = new AtomicLong();
    private final AtomicLong queryLivePeak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    HeapSampler() {
        timer.scheduleAtFixedRate(() -> {
            sample(Sides.COMMAND, "jvm.memory.used?tag=area:heap", commandPeak);
            sample(Sides.QUERY, "jvm.memory.used?tag=area:heap", queryPeak);
            sample(Sides.COMMAND, "jvm.gc.live.data.size", commandLivePeak);
            sample(Sides.QUERY, "jvm.gc.live.data.size", queryLivePeak);
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void sample(String base, String metric, AtomicLong peak) {
        try {
            var answer = http.get(base + "/actuator/metrics/" + metric);
            if (answer.status() == 200) {
                long used = answer.json().path("measurements").get(0).path("value").asLong();
                peak.accumulateAndGet(used, Math::max);
            }
        } catch (Exception down) {
            // a side not running now
        }
    }

    double commandPeakMiB() {
        return commandPeak.get() / 1024.0 / 1024.0;
    }

    double queryPeakMiB() {
        return queryPeak.get() / 1024.0 / 1024.0;
    }

    double commandLivePeakMiB() {
        return commandLivePeak.get() / 1024.0 / 1024.0;
    }

    double queryLivePeakMiB() {
        return queryLivePeak.get() / 1024.0 / 1024.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
