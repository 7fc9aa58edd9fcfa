package dev.mixlog.benchmarks.latency;

import java.util.Arrays;

/** Percentiles of recorded durations (nearest-rank on a sorted copy). */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] samples, int count) {
        this.sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    /** The value at or below which {@code percent} of the samples fall. */
    long at(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
        return sorted[sorted.length - 1];
    }

    double mean() {
        double total = 0;
        for (long value : sorted) {
            total += value;
        }
        return total / sorted.length;
    }
}
