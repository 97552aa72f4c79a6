package dev.parley.cluster;

/** The {@link RateLimiter} contract against the in-memory implementation. */
class MemoryRateLimiterTest extends RateLimiterContract {

    @Override
    RateLimiter create(Ports ports) {
        return ports.memoryRateLimiter();
    }
}
