package dev.parley.guest;

import dev.parley.cluster.RateLimiter;
import dev.parley.cluster.Unchecked;
import dev.parley.error.RateLimitedException;
import dev.parley.metrics.LimitMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The guests' message rate per client address, across the cluster ({@link RateLimiter}):
 * a name costs nothing to change, so the per-name limit alone would not hold a
 * script back. Like every cluster limit, it lets sends through while the store is
 * unreachable ({@link Unchecked}).
 */
@ApplicationScoped
class GuestLimits {

    private final RateLimiter limiter;
    private final GuestConfig config;
    private final LimitMetrics metrics;
    private final Unchecked unchecked;

    GuestLimits(RateLimiter limiter, GuestConfig config, LimitMetrics metrics, Unchecked unchecked) {
        this.limiter = limiter;
        this.config = config;
        this.metrics = metrics;
        this.unchecked = unchecked;
    }

    /** Takes a token for a guest's message from {@code address}, or fails with {@link RateLimitedException}. */
    Uni<Void> acquire(String address) {
        return limiter.take("guest-address:" + address, config.messagesPerAddressPerMinute() / 60_000.0,
                        config.messageBurstPerAddress())
                .onFailure().recoverWithItem(failure -> unchecked.passed("guest-address", failure))
                .invoke(wait -> {
                    if (wait > 0) {
                        metrics.rateLimited();
                        throw new RateLimitedException(wait);
                    }
                })
                .replaceWithVoid();
    }
}
