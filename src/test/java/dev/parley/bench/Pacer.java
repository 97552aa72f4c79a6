package dev.parley.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CountDownLatch;

/**
 * Sends at a fixed rate on one event loop, open loop: message {@code i} is due at
 * {@code origin + i * interval} whether or not earlier ones were answered, and
 * carries that scheduled time, so a service that falls behind shows it as latency
 * instead of slowing the generator down (no coordinated omission). Ticks every
 * millisecond and sends whatever is due.
 */
final class Pacer {

    /** Sends message number {@code index}, scheduled for {@code scheduledNanos}. */
    @FunctionalInterface
    interface Send {
        void send(long index, long scheduledNanos);
    }

    private final Vertx vertx;
    private final Context context;
    private final long origin;
    private final double intervalNanos;
    private final long total;
    private final Send send;
    private final CountDownLatch done;
    private long next;

    Pacer(Vertx vertx, Context context, long origin, double perSecond, long total, Send send, CountDownLatch done) {
        this.vertx = vertx;
        this.context = context;
        this.origin = origin;
        this.intervalNanos = 1e9 / perSecond;
        this.total = total;
        this.send = send;
        this.done = done;
    }

    void start() {
        if (total == 0) {
            done.countDown();
            return;
        }
        context.runOnContext(ignored -> vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            long due = Math.min(total, (long) Math.floor((now - origin) / intervalNanos) + 1);
            for (; next < due; next++) {
                send.send(next, origin + Math.round(next * intervalNanos));
            }
            if (next == total) {
                vertx.cancelTimer(timer);
                done.countDown();
            }
        }));
    }
}
