package dev.parley.cluster;

import dev.parley.cluster.memory.MemoryBroker;
import dev.parley.cluster.memory.MemoryConnectionRegistry;
import dev.parley.cluster.memory.MemoryPresenceStore;
import dev.parley.cluster.memory.MemoryRateLimiter;
import dev.parley.cluster.memory.MemoryRoomNames;
import dev.parley.cluster.redis.RedisBroker;
import dev.parley.cluster.redis.RedisConnectionRegistry;
import dev.parley.cluster.redis.RedisPresenceStore;
import dev.parley.cluster.redis.RedisRateLimiter;
import dev.parley.cluster.redis.RedisRoomNames;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Picks each port's implementation by {@code parley.cluster.mode} at run time.
 * The other implementation's bean is never created, so memory mode opens no
 * Redis connection.
 */
@ApplicationScoped
class ClusterPorts {

    private final ClusterConfig.Mode mode;

    ClusterPorts(ClusterConfig config) {
        this.mode = config.mode();
        Log.infof("Cluster mode: %s", mode.name().toLowerCase());
    }

    @Produces
    @ApplicationScoped
    Broker broker(Instance<RedisBroker> redis, Instance<MemoryBroker> memory) {
        return pick(redis, memory);
    }

    @Produces
    @ApplicationScoped
    PresenceStore presence(Instance<RedisPresenceStore> redis, Instance<MemoryPresenceStore> memory) {
        return pick(redis, memory);
    }

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter(Instance<RedisRateLimiter> redis, Instance<MemoryRateLimiter> memory) {
        return pick(redis, memory);
    }

    @Produces
    @ApplicationScoped
    ConnectionRegistry connections(Instance<RedisConnectionRegistry> redis, Instance<MemoryConnectionRegistry> memory) {
        return pick(redis, memory);
    }

    @Produces
    @ApplicationScoped
    RoomNames roomNames(Instance<RedisRoomNames> redis, Instance<MemoryRoomNames> memory) {
        return pick(redis, memory);
    }

    private <T> T pick(Instance<? extends T> redis, Instance<? extends T> memory) {
        return mode == ClusterConfig.Mode.REDIS ? redis.get() : memory.get();
    }
}
