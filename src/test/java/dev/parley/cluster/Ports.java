package dev.parley.cluster;

import dev.parley.cluster.memory.MemoryBroker;
import dev.parley.cluster.memory.MemoryPresenceStore;
import dev.parley.cluster.memory.MemoryRateLimiter;
import dev.parley.cluster.redis.RedisBroker;
import dev.parley.cluster.redis.RedisConfig;
import dev.parley.cluster.redis.RedisConnectionRegistry;
import dev.parley.cluster.redis.RedisPipeline;
import dev.parley.cluster.redis.RedisPresenceStore;
import dev.parley.cluster.redis.RedisRateLimiter;
import dev.parley.cluster.PresenceConfig;
import dev.parley.support.OwnRedis;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ports' two implementations built by hand, without Quarkus, for the contract
 * tests: in memory, and on a {@code redis-server} of the test's own. Closing it
 * closes everything it built.
 */
public final class Ports implements AutoCloseable {

    public static final Duration GAP_TIMEOUT = Duration.ofMillis(500);
    public static final Duration TTL = Duration.ofSeconds(1);

    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final String prefix = "contract-" + System.nanoTime();
    private OwnRedis redis;

    public Vertx vertx() {
        return vertx;
    }

    public Broker memoryBroker() {
        return new MemoryBroker(vertx, redisConfig());
    }

    public PresenceStore memoryPresence() {
        return new MemoryPresenceStore();
    }

    public RateLimiter memoryRateLimiter() {
        return new MemoryRateLimiter();
    }

    public Broker redisBroker() {
        RedisPipeline pipeline = pipeline();
        RedisBroker broker = new RedisBroker(client(), pipeline, io.vertx.mutiny.core.Vertx.newInstance(vertx),
                redisConfig(), new Replica());
        closing.add(broker::stop);
        return broker;
    }

    /** A presence store of a replica of its own, on the shared Redis. */
    public PresenceStore redisPresence(Replica replica) {
        return new RedisPresenceStore(pipeline(), replica, presenceConfig(), redisConfig());
    }

    /** A connection registry of a replica of its own, on the shared Redis. */
    public ConnectionRegistry redisConnections(Replica replica) {
        return new RedisConnectionRegistry(pipeline(), replica, presenceConfig(), redisConfig());
    }

    /** The names claimed in rooms, as a replica of its own sees them, on the shared Redis. */
    public RoomNames redisRoomNames(Replica replica) {
        return new dev.parley.cluster.redis.RedisRoomNames(pipeline(), replica, presenceConfig(), redisConfig());
    }

    public RateLimiter redisRateLimiter() {
        return new RedisRateLimiter(pipeline(), redisConfig());
    }

    public OwnRedis redis() {
        if (redis == null) {
            redis = OwnRedis.launch();
        }
        return redis;
    }

    private RedisPipeline pipeline() {
        RedisPipeline pipeline = new RedisPipeline(client());
        closing.add(pipeline::stop);
        return pipeline;
    }

    private Redis client() {
        Redis client = Redis.createClient(io.vertx.mutiny.core.Vertx.newInstance(vertx),
                new RedisOptions().setConnectionString(redis().url()));
        closing.add(client::close);
        return client;
    }

    private RedisConfig redisConfig() {
        return new RedisConfig() {
            @Override
            public String keyPrefix() {
                return prefix;
            }

            @Override
            public Duration orderGapTimeout() {
                return GAP_TIMEOUT;
            }
        };
    }

    private static PresenceConfig presenceConfig() {
        return new PresenceConfig() {
            @Override
            public Duration heartbeatInterval() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration ttl() {
                return TTL;
            }

            @Override
            public int connectedListLimit() {
                return 1000;
            }
        };
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable each : closing.reversed()) {
            each.close();
        }
        if (redis != null) {
            redis.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
