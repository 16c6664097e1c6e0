package cn.opengov.tracker.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples each side's used heap (Actuator's jvm.memory.used, area heap) twice a second; keeps the peaks. */
final class HeapSampler implements AutoCloseable {

    private final Http http = new Http("admin", "admin");
    private final AtomicLong commandPeak = new AtomicLong();
    private final AtomicLong queryPeak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    HeapSampler() {
        timer.scheduleAtFixedRate(() -> {
            sample(Sides.COMMAND, commandPeak);
            sample(Sides.QUERY, queryPeak);
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void sample(String base, AtomicLong peak) {
        try {
            var answer = http.get(base + "/actuator/metrics/jvm.memory.used?tag=area:heap");
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

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
