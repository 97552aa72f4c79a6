package dev.parley.cluster.memory;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Publishes each order's entries in seq order, as the Redis ordering script does
 * (docs/architecture.md, Ordering): an entry whose predecessor has not been
 * published waits; what still waits after the gap timeout is published anyway,
 * skipping the gap, and a skipped seq that turns up later is published late
 * rather than never. An order without state starts from 0; at most
 * {@link #REMEMBERED} orders are kept.
 */
final class OrderBuffer {

    record Entry(List<String> channels, String payload) {
    }

    private static final class Order {
        long last;
        final TreeMap<Long, Entry> waiting = new TreeMap<>();
        final Set<Long> skipped = new HashSet<>();
        boolean flushScheduled;
        /** When the current gap opened (ms); a gap that closes and a new one that opens start over. */
        long gapSince;
    }

    /**
     * The most conversations whose order is remembered. Beyond, the least recently
     * used one without waiting messages is forgotten, as Redis forgets an order idle
     * for a week: its next message then waits one gap timeout.
     */
    static final int REMEMBERED = 100_000;

    private final Map<String, Order> orders;
    private final long gapMillis;
    private final Vertx vertx;
    private final Consumer<Entry> publish;

    OrderBuffer(Duration gapTimeout, Vertx vertx, Consumer<Entry> publish) {
        this(gapTimeout, vertx, publish, REMEMBERED);
    }

    OrderBuffer(Duration gapTimeout, Vertx vertx, Consumer<Entry> publish, int remembered) {
        this.orders = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
                return size() > remembered && eldest.getValue().waiting.isEmpty() && !eldest.getValue().flushScheduled;
            }
        };
        this.gapMillis = gapTimeout.toMillis();
        this.vertx = vertx;
        this.publish = publish;
    }

    synchronized void offer(String orderKey, long seq, Entry entry) {
        Order order = orders.computeIfAbsent(orderKey, key -> new Order());
        if (seq <= order.last) {
            if (order.skipped.remove(seq)) {
                publish.accept(entry);
            }
            return;
        }
        if (seq > order.last + 1) {
            if (order.waiting.isEmpty()) {
                order.gapSince = System.currentTimeMillis();
            }
            order.waiting.put(seq, entry);
            if (!order.flushScheduled) {
                order.flushScheduled = true;
                vertx.setTimer(gapMillis, id -> flush(orderKey));
            }
            return;
        }
        publish.accept(entry);
        order.last = seq;
        Entry next;
        while ((next = order.waiting.remove(order.last + 1)) != null) {
            publish.accept(next);
            order.last++;
        }
        if (!order.waiting.isEmpty()) {
            // A later gap is now the first: it gets a whole timeout of its own.
            order.gapSince = System.currentTimeMillis();
        }
    }

    /**
     * Skips the gap once it has been open for the whole timeout. A timer set for a
     * gap that has closed meanwhile finds a younger gap, or none: it waits on for
     * the younger gap's remainder rather than skipping it early (which would
     * reorder messages whose predecessor was only milliseconds late).
     */
    private synchronized void flush(String orderKey) {
        Order order = orders.get(orderKey);
        if (order == null) {
            return;
        }
        long open = System.currentTimeMillis() - order.gapSince;
        if (order.waiting.isEmpty()) {
            order.flushScheduled = false;
            return;
        }
        if (open < gapMillis) {
            vertx.setTimer(Math.max(1, gapMillis - open), id -> flush(orderKey));
            return;
        }
        order.flushScheduled = false;
        order.waiting.forEach((seq, entry) -> {
            if (order.last > 0 && seq - order.last <= 1000) {
                for (long missing = order.last + 1; missing < seq; missing++) {
                    order.skipped.add(missing);
                }
            }
            publish.accept(entry);
            order.last = Math.max(order.last, seq);
        });
        order.waiting.clear();
    }
}
