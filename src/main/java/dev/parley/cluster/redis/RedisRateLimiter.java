package dev.parley.cluster.redis;

import dev.parley.cluster.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;

/** The {@link RateLimiter} on Redis: one script per take, on Redis's clock, so replicas' clocks do not matter. */
@ApplicationScoped
@Typed(RedisRateLimiter.class)
public class RedisRateLimiter implements RateLimiter {

    /** KEYS: bucket. ARGV: tokens per ms, burst. Returns 0 when allowed, else ms until a token. */
    private static final RedisScript TAKE = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
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
    private final String prefix;

    public RedisRateLimiter(RedisPipeline redis, RedisConfig config) {
        this.redis = redis;
        this.prefix = config.keyPrefix() + ":rate:";
    }

    @Override
    public Uni<Long> take(String key, double perMillisecond, int burst) {
        return redis.eval(TAKE, List.of(prefix + key), List.of(String.valueOf(perMillisecond), String.valueOf(burst)))
                .map(response -> response.toLong());
    }
}
