package dev.parley.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's own metrics at /q/metrics: seed 000's names exactly
 * ({@code ws_connections_total}, {@code ws_messages_sent}, {@code ws_active_connections})
 * and the latencies of a send.
 */
@Startup // registered at boot, so a fresh replica already exposes every series
@ApplicationScoped
public class ChatMetrics {

    private final Counter connections;
    private final Counter messagesSent;
    private final AtomicInteger activeConnections;
    private final Timer send;
    private final Timer persist;
    private final Timer publish;
    private final Timer fanOutLag;
    private final AtomicInteger onlineUsers;

    ChatMetrics(MeterRegistry registry) {
        this.connections = Counter.builder("ws_connections_total")
                .description("WebSocket connections opened on this replica").register(registry);
        this.messagesSent = Counter.builder("ws_messages_sent")
                .description("Messages stored and confirmed by this replica").register(registry);
        this.activeConnections = registry.gauge("ws_active_connections", new AtomicInteger());
        this.send = latency(registry, "parley_message_send", "From a send's arrival to its confirmation (stored)");
        this.persist = latency(registry, "parley_message_persist", "The database transaction of a send");
        this.publish = latency(registry, "parley_redis_publish", "Handing an event to Redis for the other replicas");
        this.fanOutLag = latency(registry, "parley_fanout_lag",
                "From an event's publish on one replica to its arrival at a subscribed replica");
        this.onlineUsers = registry.gauge("parley_online_users", new AtomicInteger());
    }

    public void opened() {
        connections.increment();
        activeConnections.incrementAndGet();
    }

    public void closed() {
        activeConnections.decrementAndGet();
    }

    public void messageSent() {
        messagesSent.increment();
    }

    public void fanOutLag(long millis) {
        fanOutLag.record(java.time.Duration.ofMillis(Math.max(0, millis)));
    }

    /** Users online on any replica, as of this replica's last heartbeat. */
    public void onlineUsers(int count) {
        onlineUsers.set(count);
    }

    public <T> Uni<T> timeSend(Uni<T> work) {
        return timed(send, work);
    }

    public <T> Uni<T> timePersist(Uni<T> work) {
        return timed(persist, work);
    }

    public <T> Uni<T> timePublish(Uni<T> work) {
        return timed(publish, work);
    }

    private static <T> Uni<T> timed(Timer timer, Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start();
            return work.onTermination().invoke(() -> sample.stop(timer));
        });
    }

    private static Timer latency(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram().register(registry);
    }
}
