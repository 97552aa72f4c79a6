package dev.parley.cluster.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The Redis side of the cluster ({@code parley.redis.*}; the connection itself is {@code quarkus.redis.hosts}). */
@ConfigMapping(prefix = "parley.redis")
public interface RedisConfig {

    /** Prefix of every Redis key and channel Parley uses, so several deployments can share a Redis. */
    @WithName("key-prefix")
    @WithDefault("parley")
    String keyPrefix();

    /**
     * How long a conversation's message waits in Redis for its predecessor before
     * it is published anyway (the predecessor's replica died after its commit, or
     * is that slow; a predecessor that turns up later is then published late).
     */
    @WithDefault("1s")
    java.time.Duration orderGapTimeout();
}
