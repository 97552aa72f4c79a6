package dev.parley.cluster.redis;

import dev.parley.cluster.PresenceConfig;
import dev.parley.cluster.Replica;
import dev.parley.cluster.RoomNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link RoomNames} on Redis: a hash per room ({@code parley:room-names:<chat>})
 * of name to {@code replica/connection}. A holder whose replica's heartbeat
 * ({@code parley:replicas}, kept by the presence store) is older than the TTL
 * counts as gone: its name is free to claim, and is not listed.
 */
@ApplicationScoped
@Typed(RedisRoomNames.class)
public class RedisRoomNames implements RoomNames {

    /** KEYS: the room's hash, replicas. ARGV: name, member, own replica id, ttl ms. Returns 1 when claimed. */
    private static final RedisScript CLAIM = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local holder = redis.call('HGET', KEYS[1], ARGV[1])
            if holder then
              local replica = string.match(holder, '^([^/]+)/')
              local heartbeat = tonumber(redis.call('ZSCORE', KEYS[2], replica) or '0')
              if replica == ARGV[3] or heartbeat >= now - tonumber(ARGV[4]) then return 0 end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], 86400000)
            return 1
            """);

    /** KEYS: the room's hash. ARGV: name, member. Deletes the name only if member still holds it. */
    private static final RedisScript RELEASE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
            return 1
            """);

    /** KEYS: the room's hash, replicas. ARGV: ttl ms, own replica id. The names whose holder's replica is alive. */
    private static final RedisScript NAMES = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local all = redis.call('HGETALL', KEYS[1])
            local live = {}
            for i = 1, #all, 2 do
              local replica = string.match(all[i + 1], '^([^/]+)/')
              local heartbeat = tonumber(redis.call('ZSCORE', KEYS[2], replica) or '0')
              if replica == ARGV[2] or heartbeat >= now - tonumber(ARGV[1]) then live[#live + 1] = all[i] end
            end
            return live
            """);

    private final RedisPipeline redis;
    private final String replicaId;
    private final long ttlMillis;
    private final String prefix;
    private final String replicasKey;

    public RedisRoomNames(RedisPipeline redis, Replica replica, PresenceConfig presence, RedisConfig config) {
        this.redis = redis;
        this.replicaId = replica.id();
        this.ttlMillis = presence.ttl().toMillis();
        this.prefix = config.keyPrefix() + ":room-names:";
        this.replicasKey = config.keyPrefix() + ":replicas";
    }

    @Override
    public Uni<Boolean> claim(long chatId, String name, String connectionId) {
        return redis.eval(CLAIM, List.of(prefix + chatId, replicasKey),
                        List.of(name, replicaId + "/" + connectionId, replicaId, String.valueOf(ttlMillis)))
                .map(reply -> reply.toInteger() == 1);
    }

    @Override
    public Uni<Void> release(long chatId, String name, String connectionId) {
        return redis.eval(RELEASE, List.of(prefix + chatId), List.of(name, replicaId + "/" + connectionId))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<String>> names(long chatId) {
        return redis.eval(NAMES, List.of(prefix + chatId, replicasKey), List.of(String.valueOf(ttlMillis), replicaId))
                .map(reply -> {
                    List<String> names = new ArrayList<>();
                    reply.forEach(name -> names.add(name.toString()));
                    return names.stream().sorted().toList();
                });
    }
}
