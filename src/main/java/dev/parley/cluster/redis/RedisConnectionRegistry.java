package dev.parley.cluster.redis;

import dev.parley.cluster.ConnectionRegistry;
import dev.parley.cluster.Replica;
import dev.parley.cluster.PresenceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ConnectionRegistry} on Redis: a sorted set per user
 * ({@code parley:connections:<user>}) of {@code replica/connection} by opening
 * time on Redis's clock. Registering drops the entries of replicas whose
 * heartbeat is older than the TTL, so a replica that died stops counting.
 */
@ApplicationScoped
@Typed(RedisConnectionRegistry.class)
public class RedisConnectionRegistry implements ConnectionRegistry {

    /**
     * KEYS: the user's set, replicas. ARGV: member, cap, own replica id, ttl ms.
     * Returns the members beyond the cap, oldest first, removed.
     */
    private static final RedisScript REGISTER = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('PEXPIRE', KEYS[1], 86400000)
            for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local replica = string.match(member, '^([^/]+)/')
              if replica ~= ARGV[3] then
                local heartbeat = tonumber(redis.call('ZSCORE', KEYS[2], replica) or '0')
                if heartbeat < now - tonumber(ARGV[4]) then redis.call('ZREM', KEYS[1], member) end
              end
            end
            local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
            if excess <= 0 then return {} end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, excess - 1)
            redis.call('ZREM', KEYS[1], unpack(oldest))
            return oldest
            """);

    private final RedisPipeline redis;
    private final String replicaId;
    private final long ttlMillis;
    private final String prefix;
    private final String replicasKey;

    public RedisConnectionRegistry(RedisPipeline redis, Replica replica, PresenceConfig presence, RedisConfig config) {
        this.redis = redis;
        this.replicaId = replica.id();
        this.ttlMillis = presence.ttl().toMillis();
        this.prefix = config.keyPrefix() + ":connections:";
        this.replicasKey = config.keyPrefix() + ":replicas";
    }

    @Override
    public Uni<List<String>> register(long userId, String connectionId, int cap) {
        return redis.eval(REGISTER, List.of(prefix + userId, replicasKey),
                        List.of(replicaId + "/" + connectionId, String.valueOf(cap), replicaId, String.valueOf(ttlMillis)))
                .map(reply -> {
                    List<String> excess = new ArrayList<>();
                    reply.forEach(member -> excess.add(member.toString()));
                    return excess;
                });
    }

    @Override
    public Uni<Void> unregister(long userId, String connectionId) {
        return redis.send(Request.cmd(Command.ZREM).arg(prefix + userId).arg(replicaId + "/" + connectionId))
                .replaceWithVoid();
    }
}
