package dev.parley.cluster.redis;

import dev.parley.cluster.PresenceSnapshot;
import dev.parley.cluster.PresenceStore;
import dev.parley.cluster.Replica;
import dev.parley.cluster.PresenceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@link PresenceStore} on Redis: a hash of users per replica
 * ({@code parley:presence:<replica>}, with its list's version under {@code v}) and
 * the replicas' last heartbeats on Redis's own clock ({@code parley:replicas}).
 * A replica's users count while its heartbeat is younger than the TTL; a dead
 * replica's hash outlives it three TTLs, so the survivors can read whom it held.
 */
@ApplicationScoped
@Typed(RedisPresenceStore.class)
public class RedisPresenceStore implements PresenceStore {

    /**
     * KEYS: replicas, own hash. ARGV: replica id, version, keep ms, ttl ms, hash
     * prefix, user ids joined by commas. Replaces the own list, renews the
     * heartbeat, and returns {now, {id, last heartbeat, version, {users}}...}
     * for every other replica.
     */
    private static final RedisScript HEARTBEAT = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('DEL', KEYS[2])
            local batch = {'v', ARGV[2]}
            for id in string.gmatch(ARGV[6], '[^,]+') do
              batch[#batch + 1] = id
              batch[#batch + 1] = '1'
              if #batch >= 1000 then
                redis.call('HSET', KEYS[2], unpack(batch))
                batch = {'v', ARGV[2]}
              end
            end
            redis.call('HSET', KEYS[2], unpack(batch))
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            local others = {}
            local replicas = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            for i = 1, #replicas, 2 do
              local id = replicas[i]
              if id ~= ARGV[1] then
                local fields = redis.call('HGETALL', ARGV[5] .. id)
                local users, version = {}, '0'
                for j = 1, #fields, 2 do
                  if fields[j] == 'v' then version = fields[j + 1] else users[#users + 1] = fields[j] end
                end
                others[#others + 1] = {id, replicas[i + 1], version, users}
              end
            end
            return {tostring(now), others}
            """);

    /** KEYS: replicas. ARGV: ttl ms, hash prefix. The users of every live replica. */
    private static final RedisScript ONLINE = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local users = {}
            for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[1]), '+inf')) do
              for _, user in ipairs(redis.call('HKEYS', ARGV[2] .. id)) do
                if user ~= 'v' then users[#users + 1] = user end
              end
            end
            return users
            """);

    private final RedisPipeline redis;
    private final String replicaId;
    private final long ttlMillis;
    private final String replicasKey;
    private final String hashPrefix;
    private final String ownKey;

    public RedisPresenceStore(RedisPipeline redis, Replica replica, PresenceConfig config, RedisConfig redisConfig) {
        this.redis = redis;
        this.replicaId = replica.id();
        this.ttlMillis = config.ttl().toMillis();
        this.replicasKey = redisConfig.keyPrefix() + ":replicas";
        this.hashPrefix = redisConfig.keyPrefix() + ":presence:";
        this.ownKey = hashPrefix + replicaId;
    }

    @Override
    public Uni<Void> add(long userId) {
        return redis.send(Request.cmd(Command.HSET).arg(ownKey).arg(userId).arg("1"))
                .chain(() -> redis.send(Request.cmd(Command.PEXPIRE).arg(ownKey).arg(keepMillis())))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> remove(long userId) {
        return redis.send(Request.cmd(Command.HDEL).arg(ownKey).arg(userId)).replaceWithVoid();
    }

    @Override
    public Uni<PresenceSnapshot> heartbeat(long version, Set<Long> local) {
        String users = local.stream().map(String::valueOf).collect(Collectors.joining(","));
        return redis.eval(HEARTBEAT, List.of(replicasKey, ownKey), List.of(replicaId, String.valueOf(version),
                        String.valueOf(keepMillis()), String.valueOf(ttlMillis), hashPrefix, users))
                .map(this::snapshot);
    }

    @Override
    public Uni<Void> forget(String replicaId) {
        return redis.send(Request.cmd(Command.ZREM).arg(replicasKey).arg(replicaId))
                .chain(() -> redis.send(Request.cmd(Command.DEL).arg(hashPrefix + replicaId)))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<Long>> onlineUsers() {
        return redis.eval(ONLINE, List.of(replicasKey), List.of(String.valueOf(ttlMillis), hashPrefix))
                .map(reply -> {
                    TreeSet<Long> users = new TreeSet<>();
                    reply.forEach(user -> users.add(user.toLong()));
                    return List.copyOf(users);
                });
    }

    @Override
    public Uni<Void> leave() {
        return forget(replicaId);
    }

    private PresenceSnapshot snapshot(Response reply) {
        long now = Long.parseLong(reply.get(0).toString());
        Map<String, PresenceSnapshot.Listed> live = new HashMap<>();
        Map<String, PresenceSnapshot.Dead> dead = new HashMap<>();
        for (Response other : reply.get(1)) {
            String id = other.get(0).toString();
            long heartbeat = (long) Double.parseDouble(other.get(1).toString());
            Set<Long> users = new HashSet<>();
            other.get(3).forEach(user -> users.add(user.toLong()));
            if (heartbeat >= now - ttlMillis) {
                live.put(id, new PresenceSnapshot.Listed(other.get(2).toLong(), users));
            } else {
                dead.put(id, new PresenceSnapshot.Dead(Instant.ofEpochMilli(heartbeat), users));
            }
        }
        return new PresenceSnapshot(live, dead);
    }

    private long keepMillis() {
        return ttlMillis * 3;
    }
}
