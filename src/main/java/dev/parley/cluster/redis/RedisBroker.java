package dev.parley.cluster.redis;

import dev.parley.cluster.Broker;
import dev.parley.cluster.Replica;
import dev.parley.context.CallerContext;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The {@link Broker} on Redis pub/sub. Publishing goes through the
 * {@link RedisPipeline}; receiving uses one dedicated connection whose channel
 * set grows and shrinks with the local users. When that connection drops, it is
 * re-established with backoff and every wanted channel is subscribed again; the
 * broker counts as ready only once Redis confirmed that, so a replica that reports
 * ready after an outage receives what is published from then on.
 */
@ApplicationScoped
@Typed(RedisBroker.class)
public class RedisBroker implements Broker {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(2);

    private final Redis redis;
    private final RedisPipeline pipeline;
    private final Vertx vertx;
    private final OrderedPublisher ordered;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile RedisConnection subscriber;
    private volatile boolean ready;
    private volatile BiConsumer<String, String> receiver;
    private volatile boolean stopping;
    private volatile long backoffMillis = 100; // reconnects run on timers and event loops
    private final String barrierChannel;
    private final AtomicLong barriers = new AtomicLong();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public RedisBroker(Redis redis, RedisPipeline pipeline, Vertx vertx, RedisConfig config, Replica replica) {
        this.redis = redis;
        this.pipeline = pipeline;
        this.vertx = vertx;
        this.ordered = new OrderedPublisher(pipeline, vertx, config);
        this.barrierChannel = config.keyPrefix() + ":barrier:" + replica.id();
        channels.add(barrierChannel);
    }

    @Override
    public void start(BiConsumer<String, String> receiver) {
        if (this.receiver != null) {
            throw new IllegalStateException("The broker has a receiver already");
        }
        this.receiver = Objects.requireNonNull(receiver);
        connect();
    }

    @PreDestroy
    public void stop() {
        stopping = true;
        RedisConnection connection = subscriber;
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    @Override
    public Uni<Void> publish(String channel, String payload) {
        return pipeline.send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload)).replaceWithVoid();
    }

    @Override
    public Uni<Void> publishInOrder(String orderKey, long seq, String payload, List<String> channels) {
        return ordered.publish(orderKey, seq, payload, channels);
    }

    @Override
    public Uni<Void> subscribe(String channel) {
        channels.add(channel);
        return send(Request.cmd(Command.SUBSCRIBE).arg(channel));
    }

    @Override
    public Uni<Void> unsubscribe(String channel) {
        channels.remove(channel);
        return send(Request.cmd(Command.UNSUBSCRIBE).arg(channel));
    }

    /**
     * Publishes a token on this replica's own barrier channel and completes when it
     * comes back: Redis pushes what it publishes to a subscriber in the order it
     * processed the publishes, so every publication it had accepted before has been
     * handed over by then. Without Redis, or if the token is not back within
     * {@link #BARRIER_TIMEOUT}, it completes anyway: a barrier never blocks a connect.
     */
    @Override
    public Uni<Void> barrier() {
        if (!ready) {
            return Uni.createFrom().voidItem();
        }
        String token = String.valueOf(barriers.incrementAndGet());
        CompletableFuture<Void> back = new CompletableFuture<>();
        waiting.put(token, back);
        return publish(barrierChannel, token)
                .chain(() -> Uni.createFrom().completionStage(back))
                .ifNoItem().after(BARRIER_TIMEOUT).recoverWithItem((Void) null)
                .onFailure().recoverWithNull()
                .emitOn(CallerContext.current())
                .onTermination().invoke(() -> waiting.remove(token));
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    /** Without a connection the channel is only remembered: the reconnect subscribes it. */
    private Uni<Void> send(Request request) {
        RedisConnection connection = subscriber;
        if (connection == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.send(request).replaceWithVoid();
    }

    private void connect() {
        if (stopping) {
            return;
        }
        redis.connect().subscribe().with(this::connected, failure -> {
            Log.warnf("Redis subscriber connection failed (%s); retrying in %d ms", failure.getMessage(), backoffMillis);
            retry();
        });
    }

    private void connected(RedisConnection connection) {
        connection.handler(this::received);
        connection.exceptionHandler(failure -> lost(connection, failure.getMessage()));
        connection.endHandler(() -> lost(connection, "connection closed"));
        subscriber = connection;
        backoffMillis = 100;
        Request request = Request.cmd(Command.SUBSCRIBE);
        channels.forEach(request::arg); // never empty: the barrier channel is always there
        connection.send(request).subscribe().with(ok -> {
            ready = subscriber == connection;
            Log.infof("Redis subscriber connected (%d channels)", channels.size());
        }, failure -> lost(connection, failure.getMessage()));
    }

    private void lost(RedisConnection connection, String why) {
        if (subscriber != connection) {
            return; // already replaced
        }
        subscriber = null;
        ready = false;
        connection.closeAndForget();
        if (!stopping) {
            Log.warnf("Redis subscriber connection lost (%s); reconnecting", why);
            retry();
        }
    }

    private void retry() {
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        vertx.setTimer(delay, id -> connect());
    }

    /** Push frames look like [message, channel, payload]; anything else here is not a publication. */
    private void received(Response push) {
        if ((push.type() != ResponseType.PUSH && push.type() != ResponseType.MULTI) || push.size() != 3
                || !"message".equalsIgnoreCase(push.get(0).toString())) {
            return;
        }
        String channel = push.get(1).toString();
        if (channel.equals(barrierChannel)) {
            CompletableFuture<Void> back = waiting.remove(push.get(2).toString());
            if (back != null) {
                back.complete(null);
            }
            return;
        }
        receiver.accept(channel, push.get(2).toString());
    }
}
