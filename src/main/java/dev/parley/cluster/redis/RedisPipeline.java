package dev.parley.cluster.redis;

import dev.parley.context.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Redis connection that carries the commands of every send (rate limit,
 * publishes) without waiting for each other's replies. The pooled client lends a
 * connection per command, so its pool size caps the commands in flight and
 * under load commands queued for a connection, or were refused. Commands go out
 * in the order they are sent, which keeps publishes to a channel in order.
 * A lost connection is replaced on the next command; while Redis is unreachable
 * commands fail at once.
 *
 * <p>Every reply resumes on its caller's Vert.x context ({@link CallerContext}):
 * callers that waited for the connection to open would otherwise all go on on
 * the context of the one that opened it.
 */
@ApplicationScoped
public class RedisPipeline {

    private final Redis redis;
    private final AtomicReference<Uni<RedisConnection>> connection = new AtomicReference<>();

    public RedisPipeline(Redis redis) {
        this.redis = redis;
    }

    public Uni<Response> send(Request request) {
        return Uni.createFrom().deferred(() -> connection().chain(open -> open.send(request))
                .emitOn(CallerContext.current()));
    }

    /** Runs a script by its digest, loading it first where Redis does not know it (a restart, a new server). */
    public Uni<Response> eval(RedisScript script, List<String> keys, List<String> args) {
        return send(script.evalsha(keys, args))
                .onFailure(RedisScript::isNoScript).recoverWithUni(() -> send(script.eval(keys, args)));
    }

    @PreDestroy
    public void stop() {
        Uni<RedisConnection> current = connection.getAndSet(null);
        if (current != null) {
            current.subscribe().with(RedisConnection::closeAndForget, failure -> { });
        }
    }

    private Uni<RedisConnection> connection() {
        Uni<RedisConnection> current = connection.get();
        if (current != null) {
            return current;
        }
        Uni<RedisConnection> opening = redis.connect()
                .invoke(this::watch)
                .onFailure().invoke(failure -> forget())
                .memoize().indefinitely();
        return connection.compareAndSet(null, opening) ? opening : connection();
    }

    private void watch(RedisConnection open) {
        open.exceptionHandler(failure -> forget());
        open.endHandler(this::forget);
    }

    private void forget() {
        connection.set(null);
    }
}
