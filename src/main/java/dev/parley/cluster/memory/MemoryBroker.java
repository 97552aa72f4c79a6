package dev.parley.cluster.memory;

import dev.parley.cluster.Broker;
import dev.parley.cluster.redis.RedisConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The {@link Broker} of a single replica: a publication on a subscribed channel
 * is handed to the receiver before {@code publish} completes, under one lock, so
 * the receiver sees one publication at a time and in publish order.
 */
@ApplicationScoped
@Typed(MemoryBroker.class)
public class MemoryBroker implements Broker {

    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final OrderBuffer order;
    private volatile BiConsumer<String, String> receiver;

    public MemoryBroker(Vertx vertx, RedisConfig config) {
        this.order = new OrderBuffer(config.orderGapTimeout(), vertx, this::deliverAll);
    }

    @Override
    public void start(BiConsumer<String, String> receiver) {
        if (this.receiver != null) {
            throw new IllegalStateException("The broker has a receiver already");
        }
        this.receiver = Objects.requireNonNull(receiver);
    }

    @Override
    public Uni<Void> publish(String channel, String payload) {
        deliver(channel, payload);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> publishInOrder(String orderKey, long seq, String payload, List<String> channels) {
        order.offer(orderKey, seq, new OrderBuffer.Entry(channels, payload));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> subscribe(String channel) {
        channels.add(channel);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> unsubscribe(String channel) {
        channels.remove(channel);
        return Uni.createFrom().voidItem();
    }

    /** Publications are delivered within {@code publish}: everything before this call has been. */
    @Override
    public Uni<Void> barrier() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean isReady() {
        return true;
    }

    private void deliverAll(OrderBuffer.Entry entry) {
        entry.channels().forEach(channel -> deliver(channel, entry.payload()));
    }

    private synchronized void deliver(String channel, String payload) {
        BiConsumer<String, String> target = receiver;
        if (target != null && channels.contains(channel)) {
            target.accept(channel, payload);
        }
    }
}
