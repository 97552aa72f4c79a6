package dev.parley.cluster;

import dev.parley.metrics.LimitMetrics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a cluster-wide limit does when the cluster's store (Redis) is unreachable:
 * it lets the action through, because sends and connects must not stop with
 * Redis, and says so: a WARN line at most every 10 s and
 * {@code parley_rate_limit_unchecked_total{limit}} for every action let through.
 */
@ApplicationScoped
public class Unchecked {

    private static final long LOG_EVERY_MILLIS = 10_000;

    private final LimitMetrics metrics;
    private final AtomicLong loggedAt = new AtomicLong();

    Unchecked(LimitMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts an action let through unchecked; returns 0 (no wait). */
    public long passed(String limit, Throwable failure) {
        metrics.unchecked(limit);
        long now = System.currentTimeMillis();
        long last = loggedAt.get();
        if (now - last >= LOG_EVERY_MILLIS && loggedAt.compareAndSet(last, now)) {
            Log.warnf("The %s limit is not enforced while the cluster store is unreachable (%s)", limit,
                    failure.getMessage());
        }
        return 0L;
    }
}
