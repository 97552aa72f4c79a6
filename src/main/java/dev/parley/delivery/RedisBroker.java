package dev.parley.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Redis pub/sub. Publishing goes through the {@link RedisPipeline}; receiving uses one dedicated
 * connection whose channel set grows and shrinks with the local users. When that
 * connection drops, it is re-established with backoff and every wanted channel
 * is subscribed again, so live delivery resumes by itself after a Redis outage.
 */
@ApplicationScoped
public class RedisBroker implements Broker {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Redis redis;
    private final RedisPipeline pipeline;
    private final Vertx vertx;
    private final OrderedPublisher ordered;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile RedisConnection subscriber;
    private volatile BiConsumer<String, String> consumer = (channel, payload) -> { };
    private volatile boolean stopping;
    private volatile long backoffMillis = 100; // reconnects run on timers and event loops

    RedisBroker(Redis redis, RedisPipeline pipeline, Vertx vertx, OrderedPublisher ordered) {
        this.redis = redis;
        this.ordered = ordered;
        this.pipeline = pipeline;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
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
        return send(Command.SUBSCRIBE, channel);
    }

    @Override
    public Uni<Void> unsubscribe(String channel) {
        channels.remove(channel);
        return send(Command.UNSUBSCRIBE, channel);
    }

    @Override
    public void onPublication(BiConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    @Override
    public boolean isConnected() {
        return subscriber != null;
    }

    /** Without a connection the channel is only remembered: the reconnect subscribes it. */
    private Uni<Void> send(Command command, String channel) {
        RedisConnection connection = subscriber;
        if (connection == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.send(Request.cmd(command).arg(channel)).replaceWithVoid();
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
        if (!channels.isEmpty()) {
            Request request = Request.cmd(Command.SUBSCRIBE);
            channels.forEach(request::arg);
            connection.send(request).subscribe().with(ok -> { }, failure -> lost(connection, failure.getMessage()));
        }
        Log.infof("Redis subscriber connected (%d channels)", channels.size());
    }

    private void lost(RedisConnection connection, String why) {
        if (subscriber != connection) {
            return; // already replaced
        }
        subscriber = null;
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

    /** Push frames look like [message, channel, payload]. */
    private void received(Response push) {
        if (push.size() == 3 && "message".equalsIgnoreCase(push.get(0).toString())) {
            consumer.accept(push.get(1).toString(), push.get(2).toString());
        }
    }
}
