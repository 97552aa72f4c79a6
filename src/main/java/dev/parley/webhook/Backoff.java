package dev.parley.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt: the base, doubled after each further failure,
 * at most the maximum; then drawn between half of that and all of it, so events that
 * failed together (a receiver outage) do not all come back at the same moment.
 */
record Backoff(Duration base, Duration max) {

    /** The wait after {@code failures} failed attempts (1 after the first). */
    Duration after(int failures, RandomGenerator random) {
        long nominal = nominal(failures).toMillis();
        return Duration.ofMillis(nominal - random.nextLong(nominal / 2 + 1));
    }

    /** The wait before jitter. */
    Duration nominal(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 40); // 2^40 base periods exceed any sane maximum
        Duration nominal = base.multipliedBy(1L << doublings);
        return nominal.compareTo(max) > 0 ? max : nominal;
    }
}
