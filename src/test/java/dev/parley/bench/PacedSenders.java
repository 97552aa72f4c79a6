package dev.parley.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many sockets sending at one total rate, open loop: a {@link Pacer} on each event
 * loop the sockets live on, with that loop's share of the rate and of the
 * messages, so every frame is written on its socket's own loop. A loop's sockets
 * take turns, so round 0 (each socket's first message) goes out within the first
 * {@code sockets / rate} seconds, then round 1, and so on.
 */
final class PacedSenders {

    /** Sends message number {@code round} of {@code senders.get(sender)}, scheduled for {@code scheduledNanos}. */
    @FunctionalInterface
    interface Send {
        void send(int sender, long round, long scheduledNanos);
    }

    private PacedSenders() {
    }

    /** Sends {@code total} messages at {@code perSecond} in all, from 100 ms from now; returns when all went out. */
    static void send(Vertx vertx, List<BenchSocket> senders, double perSecond, long total, Send send)
            throws InterruptedException {
        Map<Context, List<Integer>> byLoop = new LinkedHashMap<>();
        for (int i = 0; i < senders.size(); i++) {
            byLoop.computeIfAbsent(senders.get(i).context, loop -> new ArrayList<>()).add(i);
        }
        CountDownLatch done = new CountDownLatch(byLoop.size());
        long origin = System.nanoTime() + 100_000_000L;
        long assigned = 0;
        int loop = 0;
        for (Map.Entry<Context, List<Integer>> entry : byLoop.entrySet()) {
            List<Integer> mine = entry.getValue();
            long share = ++loop == byLoop.size() ? total - assigned : total * mine.size() / senders.size();
            assigned += share;
            new Pacer(vertx, entry.getKey(), origin, perSecond * mine.size() / senders.size(), share,
                    (index, scheduled) -> send.send(mine.get((int) (index % mine.size())), index / mine.size(), scheduled),
                    done).start();
        }
        done.await(Math.round(total / perSecond) + 60L, TimeUnit.SECONDS);
    }
}
