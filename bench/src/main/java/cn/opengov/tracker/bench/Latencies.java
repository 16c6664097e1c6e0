package cn.opengov.tracker.bench;

import java.util.Arrays;

/** Response times of one kind of call, in milliseconds. One per thread; {@link #addAll} gathers them. */
final class Latencies {

    private double[] millis;
    private int n;

    Latencies(int capacity) {
        millis = new double[Math.max(16, capacity)];
    }

    void add(long nanos) {
        if (n == millis.length) {
            millis = Arrays.copyOf(millis, 2 * n);
        }
        millis[n++] = nanos / 1_000_000.0;
    }

    /** Takes in another's calls (a worker thread's, once it has finished). */
    void addAll(Latencies other) {
        if (n + other.n > millis.length) {
            millis = Arrays.copyOf(millis, n + other.n);
        }
        System.arraycopy(other.millis, 0, millis, n, other.n);
        n += other.n;
    }

    int count() {
        return n;
    }

    double percentile(double p) {
        if (n == 0) {
            return 0;
        }
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
