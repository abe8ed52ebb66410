package dev.supportpulse.benchmark;

import java.util.Arrays;

/** Latency percentiles of a run, nearest-rank (a reported p99 is a latency some batch actually had). */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The {@code quantile} (0..1] percentile in milliseconds. */
    double millis(double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
