package dev.parley.cluster.memory;

import dev.parley.cluster.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link RateLimiter} of a single replica: the same buckets as the Redis
 * script, in a map whose full buckets are dropped (a full bucket is the same as
 * none), so idle keys cost nothing.
 */
@ApplicationScoped
@Typed(MemoryRateLimiter.class)
public class MemoryRateLimiter implements RateLimiter {

    private record Bucket(double tokens, long at, double perMillisecond, int burst) {
        boolean isFull(long now) {
            return tokens + (now - at) * perMillisecond >= burst;
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger takes = new AtomicInteger();

    @Override
    public Uni<Long> take(String key, double perMillisecond, int burst) {
        long now = System.currentTimeMillis();
        long[] wait = new long[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? burst
                    : Math.min(burst, bucket.tokens() + Math.max(0, now - bucket.at()) * perMillisecond);
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                wait[0] = (long) Math.ceil((1 - tokens) / perMillisecond);
            }
            return new Bucket(tokens, now, perMillisecond, burst);
        });
        sweep(now);
        return Uni.createFrom().item(wait[0]);
    }

    /** Every 1,024th take, once there are many, forgets buckets that have refilled completely. */
    private void sweep(long now) {
        if ((takes.incrementAndGet() & 0x3FF) == 0 && buckets.size() > 10_000) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }
}
