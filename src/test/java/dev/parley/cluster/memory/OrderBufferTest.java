package dev.parley.cluster.memory;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The in-memory order keeps a bounded number of conversations, as Redis expires
 * idle ones, and skips a gap only after it has been open for the whole timeout.
 */
class OrderBufferTest {

    final Vertx vertx = Vertx.vertx();
    final List<String> published = new CopyOnWriteArrayList<>();
    final OrderBuffer order = new OrderBuffer(Duration.ofMillis(300), vertx,
            entry -> published.add(entry.payload()), 2);

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void offer(String chat, long seq) {
        order.offer(chat, seq, new OrderBuffer.Entry(List.of("c"), chat + seq));
    }

    @Test
    void theLeastRecentlyUsedConversationIsForgottenAndItsNextMessageWaitsOneGapTimeout() {
        offer("a", 1);
        offer("b", 1);
        offer("a", 2); // a is the most recently used now
        offer("c", 1); // three conversations: b, the eldest, is forgotten
        assertEquals(List.of("a1", "b1", "a2", "c1"), published);
        offer("a", 3); // a was remembered: published at once
        assertEquals("a3", published.get(4));
        offer("b", 2); // b starts from 0 again: 2 waits for a 1 that went out long ago
        assertEquals(5, published.size(), "b2 waits");
        await().atMost(Duration.ofSeconds(5)).until(() -> published.contains("b2")); // after the gap timeout
    }

    @Test
    void aGapThatOpensAfterAnEarlierOneClosedGetsAWholeTimeoutOfItsOwn() {
        OrderBuffer slow = new OrderBuffer(Duration.ofMillis(1000), vertx, entry -> published.add(entry.payload()));
        slow.offer("a", 2, new OrderBuffer.Entry(List.of("c"), "a2")); // a gap opens: a timer for 1 s from now
        slow.offer("a", 1, new OrderBuffer.Entry(List.of("c"), "a1")); // and closes at once
        assertEquals(List.of("a1", "a2"), published);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> published.size() == 2);
        slow.offer("a", 4, new OrderBuffer.Entry(List.of("c"), "a4")); // a new gap, 400 ms into that timer
        // The first gap's timer fires within these 800 ms; the new gap has 1 s of its own, so 4 waits.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> published.size() == 2);
        slow.offer("a", 3, new OrderBuffer.Entry(List.of("c"), "a3"));
        assertEquals(List.of("a1", "a2", "a3", "a4"), published);
    }
}
