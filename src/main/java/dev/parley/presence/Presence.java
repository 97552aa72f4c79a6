package dev.parley.presence;

import dev.parley.delivery.DeliveryConfig;
import dev.parley.delivery.LocalSessions;
import dev.parley.metrics.ChatMetrics;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who is online, cluster-wide. Each replica keeps a Redis hash of its local users
 * ({@code parley:presence:<replica>}) and registers itself in
 * {@code parley:replicas} with the time of its last heartbeat. A user is online
 * while some live replica (heartbeat younger than the TTL) lists them, so a
 * replica that dies takes its users offline within the TTL; a surviving replica
 * then claims the dead one's list to record their last_seen.
 */
@ApplicationScoped
public class Presence {

    private final PresenceConfig config;
    private final ChatMetrics metrics;
    private final OnlineList onlineList;
    private final Replica replica;
    private final LocalSessions sessions;
    private final Vertx vertx;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveSortedSetCommands<String, String> replicas;
    private final ReactiveKeyCommands<String> keys;
    private final String replicasKey;
    private final String usersKeyPrefix;
    private final String ownKey;

    Presence(PresenceConfig config, DeliveryConfig redisConfig, Replica replica, LocalSessions sessions, Vertx vertx,
             ReactiveRedisDataSource redis, ChatMetrics metrics, OnlineList onlineList) {
        this.metrics = metrics;
        this.onlineList = onlineList;
        this.config = config;
        this.replica = replica;
        this.sessions = sessions;
        this.vertx = vertx;
        // User ids as plain strings: a Long field would go through the JSON codec, once per id read.
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.replicas = redis.sortedSet(String.class);
        this.keys = redis.key();
        this.replicasKey = redisConfig.keyPrefix() + ":replicas";
        this.usersKeyPrefix = redisConfig.keyPrefix() + ":presence:";
        this.ownKey = usersKey(replica.id());
    }

    void start(@Observes StartupEvent event) {
        heartbeat().subscribe().with(ok -> { }, failure -> { });
        vertx.setPeriodic(config.heartbeatInterval().toMillis(),
                id -> heartbeat().subscribe().with(ok -> { }, failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        keys.del(ownKey).chain(() -> replicas.zrem(replicasKey, replica.id()))
                .await().atMost(java.time.Duration.ofSeconds(2));
    }

    public Uni<Void> markOnline(long userId) {
        return hashes.hset(ownKey, String.valueOf(userId), "1")
                .chain(() -> keys.pexpire(ownKey, keepUserList()))
                .replaceWithVoid();
    }

    /**
     * Claims the replicas whose heartbeat is older than the TTL (one sweeper wins
     * each) and returns the users they held, so their going offline can be told.
     */
    public Uni<List<Long>> claimDeadReplicas() {
        double deadBefore = System.currentTimeMillis() - config.ttl().toMillis();
        return replicas.zrangebyscore(replicasKey, new ScoreRange<>(Double.NEGATIVE_INFINITY, deadBefore))
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> replicas.zrem(replicasKey, id).chain(claimed -> claimed == 0
                        ? Uni.createFrom().item(List.<Long>of())
                        : userIds(id).call(() -> keys.del(usersKey(id)))
                                .invoke(users -> Log.infof("Replica %s stopped heartbeating; releasing its %d users",
                                        id, users.size()))))
                .collect().in(ArrayList<Long>::new, ArrayList::addAll)
                .map(List::copyOf);
    }

    public Uni<Void> markOffline(long userId) {
        return hashes.hdel(ownKey, String.valueOf(userId)).replaceWithVoid();
    }

    /** Whether a live replica other than this one holds a connection of the user. */
    public Uni<Boolean> onlineElsewhere(long userId) {
        return otherLiveReplicas()
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndMerge(id -> hashes.hexists(usersKey(id), String.valueOf(userId)))
                .collect().in(() -> new boolean[1], (found, exists) -> found[0] |= exists)
                .map(found -> found[0]);
    }

    private Uni<List<String>> liveReplicas() {
        double liveSince = System.currentTimeMillis() - config.ttl().toMillis();
        return replicas.zrangebyscore(replicasKey, new ScoreRange<>(liveSince, Double.POSITIVE_INFINITY));
    }

    private Uni<List<String>> otherLiveReplicas() {
        return liveReplicas().map(ids -> ids.stream().filter(id -> !id.equals(replica.id())).toList());
    }

    /** Every user some live replica holds a connection for, ascending. */
    public Uni<List<Long>> onlineUsers() {
        return usersOf(liveReplicas()).map(List::copyOf);
    }

    /**
     * Renews this replica's record, rewrites its user list from the local truth
     * (which also heals what a Redis restart or a failed update lost), and takes
     * the other replicas' lists for {@link OnlineList}.
     */
    Uni<Void> heartbeat() {
        Map<String, String> local = sessions.users().stream()
                .collect(Collectors.toMap(String::valueOf, id -> "1"));
        Uni<Void> rewrite = local.isEmpty()
                ? keys.del(ownKey).replaceWithVoid()
                : hashes.hset(ownKey, local).chain(() -> keys.pexpire(ownKey, keepUserList())).replaceWithVoid();
        return replicas.zadd(replicasKey, System.currentTimeMillis(), replica.id())
                .chain(() -> rewrite)
                .chain(() -> usersOf(otherLiveReplicas()))
                .invoke(elsewhere -> {
                    onlineList.elsewhere(elsewhere);
                    metrics.onlineUsers(onlineList.count());
                })
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("Presence heartbeat failed: %s", failure.getMessage()));
    }

    private Uni<TreeSet<Long>> usersOf(Uni<List<String>> replicaIds) {
        return replicaIds
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndMerge(this::userIds)
                .collect().in(TreeSet<Long>::new, TreeSet::addAll);
    }

    private Uni<List<Long>> userIds(String replicaId) {
        return hashes.hkeys(usersKey(replicaId)).map(ids -> ids.stream().map(Long::valueOf).toList());
    }

    /** A dead replica's user list outlives its heartbeat long enough for a sweeper to read it. */
    private java.time.Duration keepUserList() {
        return config.ttl().multipliedBy(3);
    }

    private String usersKey(String replicaId) {
        return usersKeyPrefix + replicaId;
    }
}
