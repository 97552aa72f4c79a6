package dev.parley.cluster;

/** The {@link RateLimiter} contract against the Redis implementation, on a redis-server of its own. */
class RedisRateLimiterTest extends RateLimiterContract {

    @Override
    RateLimiter create(Ports ports) {
        return ports.redisRateLimiter();
    }
}
