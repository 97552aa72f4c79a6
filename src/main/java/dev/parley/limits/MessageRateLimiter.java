package dev.parley.limits;

import dev.parley.cluster.RateLimiter;
import dev.parley.cluster.Unchecked;
import dev.parley.error.RateLimitedException;
import dev.parley.metrics.LimitMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per user, shared by every connection and replica of the user
 * ({@link RateLimiter}): {@code parley.limits.messages-per-minute} with a burst of
 * {@code parley.limits.message-burst}. Over the limit a send is refused with
 * {@code rate_limited} and the time until the next token. When the cluster's
 * store is unreachable the limit is not enforced (sends must not stop): see
 * {@link Unchecked}.
 */
@ApplicationScoped
public class MessageRateLimiter {

    private final RateLimiter limiter;
    private final LimitsConfig config;
    private final LimitMetrics metrics;
    private final Unchecked unchecked;

    MessageRateLimiter(RateLimiter limiter, LimitsConfig config, LimitMetrics metrics, Unchecked unchecked) {
        this.limiter = limiter;
        this.config = config;
        this.metrics = metrics;
        this.unchecked = unchecked;
    }

    /** Takes a token for a message of {@code userId}, or fails with {@link RateLimitedException}. */
    public Uni<Void> acquire(long userId) {
        return limiter.take("message:" + userId, config.messagesPerMinute() / 60_000.0, config.messageBurst())
                .onFailure().recoverWithItem(failure -> unchecked.passed("message", failure))
                .invoke(wait -> {
                    if (wait > 0) {
                        metrics.rateLimited();
                        throw new RateLimitedException(wait);
                    }
                })
                .replaceWithVoid();
    }
}
