package dev.parley.limits;

import dev.parley.delivery.DeliveryConfig;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import dev.parley.delivery.RedisPipeline;
import dev.parley.delivery.RedisScript;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A token bucket per user, kept in Redis so the limit holds across every
 * connection and replica of the user: {@code parley.limits.messages-per-minute}
 * with a burst of {@code parley.limits.message-burst}. Over the limit a send is
 * refused with {@code rate_limited} and the time until the next token.
 * With Redis unreachable the limit is not enforced (sends must not stop).
 */
@ApplicationScoped
public class MessageRateLimiter {

    /** KEYS: bucket. ARGV: now ms, tokens per ms, burst. Returns 0 when allowed, else ms until a token. */
    private static final RedisScript TAKE = RedisScript.of("""
            local now, rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(bucket[1]) or burst
            local at = tonumber(bucket[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
            return wait
            """);

    private final RedisPipeline redis;
    private final LimitsConfig config;
    private final LimitMetrics metrics;
    private final String prefix;

    MessageRateLimiter(RedisPipeline redis, LimitsConfig config, DeliveryConfig redisConfig, LimitMetrics metrics) {
        this.redis = redis;
        this.config = config;
        this.metrics = metrics;
        this.prefix = redisConfig.keyPrefix() + ":rate:";
    }

    /** Takes a token for a message of {@code userId}, or fails with {@link RateLimitedException}. */
    public Uni<Void> acquire(long userId) {
        double perMillisecond = config.messagesPerMinute() / 60_000.0;
        return redis.eval(TAKE, List.of(prefix + userId), List.of(String.valueOf(System.currentTimeMillis()),
                        String.valueOf(perMillisecond), String.valueOf(config.messageBurst())))
                .map(response -> response.toLong())
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("Rate limit not checked (Redis: %s)", failure.getMessage());
                    return 0L;
                })
                .invoke(wait -> {
                    if (wait > 0) {
                        metrics.rateLimited();
                        throw new RateLimitedException(wait);
                    }
                })
                .replaceWithVoid();
    }

    /** A send over the limit; {@code retryAfterMillis} until the next one is allowed. */
    public static final class RateLimitedException extends ChatException {
        private final long retryAfterMillis;

        RateLimitedException(long retryAfterMillis) {
            super(ErrorCode.RATE_LIMITED, "Too many messages; retry in " + retryAfterMillis + " ms");
            this.retryAfterMillis = retryAfterMillis;
        }

        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }
}
