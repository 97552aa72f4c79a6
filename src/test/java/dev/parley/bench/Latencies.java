package dev.parley.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (no histogram buckets) so percentiles are
 * exact. Written by one event loop at a time per instance; merged after a phase.
 */
final class Latencies {

    private long[] values;
    private int size;

    Latencies(int expected) {
        values = new long[Math.max(16, expected)];
    }

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    /** p50, p95, p99, p99.9 and max in milliseconds; NaN when nothing was recorded. */
    synchronized Percentiles percentiles() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 50), at(sorted, 95), at(sorted, 99), at(sorted, 99.9),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    record Percentiles(double p50, double p95, double p99, double p999, double max) {

        @Override
        public String toString() {
            return String.format("%s / %s / %s / %s ms", ms(p50), ms(p95), ms(p99), ms(p999));
        }

        static String ms(double value) {
            return Double.isNaN(value) ? "-" : value < 10 ? String.format("%.1f", value) : String.format("%.0f", value);
        }
    }
}
