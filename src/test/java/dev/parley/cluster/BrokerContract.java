package dev.parley.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link Broker} promises; run against each implementation. */
abstract class BrokerContract {

    static final Duration WAIT = Duration.ofSeconds(5);

    final Ports ports = new Ports();
    final List<String> received = new CopyOnWriteArrayList<>();
    final String channel = "channel-" + System.nanoTime();
    final String order = "order-" + System.nanoTime();
    Broker broker;

    abstract Broker create(Ports ports);

    @BeforeEach
    void start() {
        broker = create(ports);
        broker.start((on, payload) -> received.add(on + "=" + payload));
        await().atMost(WAIT).until(broker::isReady);
        broker.subscribe(channel).await().atMost(WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    void publishInOrder(long seq) {
        broker.publishInOrder(order, seq, "m" + seq, List.of(channel)).await().atMost(WAIT);
    }

    List<String> payloads() {
        return received.stream().filter(entry -> entry.startsWith(channel + "=")).map(entry -> entry.substring(channel.length() + 1)).toList();
    }

    @Test
    void aPublicationReachesTheReceiverOfItsChannelOnly() {
        broker.publish("elsewhere", "no").await().atMost(WAIT);
        broker.publish(channel, "yes").await().atMost(WAIT);
        broker.barrier().await().atMost(WAIT);
        assertEquals(List.of(channel + "=yes"), received);
    }

    @Test
    void afterUnsubscribingNothingArrives() {
        broker.unsubscribe(channel).await().atMost(WAIT);
        broker.publish(channel, "late").await().atMost(WAIT);
        broker.barrier().await().atMost(WAIT);
        assertTrue(received.isEmpty(), "received " + received);
    }

    @Test
    void theBarrierCompletesAfterEveryEarlierPublicationWasHandedOver() {
        for (int i = 0; i < 200; i++) {
            broker.publish(channel, "p" + i).await().atMost(WAIT);
        }
        broker.barrier().await().atMost(WAIT);
        assertEquals(200, payloads().size(), "handed over before the barrier completed");
    }

    @Test
    void messagesInOrderGoOutAtOnceAndOutOfOrderOnesWaitForTheirTurn() {
        publishInOrder(1);
        publishInOrder(3);
        publishInOrder(2);
        await().atMost(WAIT).until(() -> payloads().size() == 3);
        assertEquals(List.of("m1", "m2", "m3"), payloads());
    }

    @Test
    void aLatePredecessorIsPublishedAfterTheGapTimeoutInsteadOfNever() {
        publishInOrder(1);
        publishInOrder(3); // waits for 2
        await().atMost(WAIT).until(() -> payloads().contains("m3")); // the gap timeout gave up on 2
        publishInOrder(2); // its replica was only slow
        publishInOrder(2); // a second attempt is a duplicate
        publishInOrder(4);
        await().atMost(WAIT).until(() -> payloads().contains("m4"));
        assertEquals(List.of("m1", "m3", "m2", "m4"), payloads());
    }
}
