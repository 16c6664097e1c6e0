package cn.opengov.tracker.bench;

import java.util.Arrays;

/** Response times of one kind of call, in milliseconds. */
final class Latencies {

    private final double[] millis;
    private int n;

    Latencies(int capacity) {
        millis = new double[capacity];
    }

    void add(long nanos) {
        millis[n++] = nanos / 1_000_000.0;
    }

    double percentile(double p) {
        double[] sorted = Arrays.copyOf(millis, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))];
    }

    void report(Results results, String what, String target99) {
        results.add(what + " p50", percentile(50), "ms", "", n + " calls");
        results.add(what + " p95", percentile(95), "ms", "", "");
        results.add(what + " p99", percentile(99), "ms", target99, "");
    }
}
