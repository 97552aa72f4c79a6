package dev.parley.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ordering script against the local Redis, watched by a plain subscriber. */
@QuarkusTest
class OrderedPublisherTest {

    @Inject
    OrderedPublisher publisher;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    final String channel = "parley-test:ordered:" + System.nanoTime();
    final String order = "test-" + System.nanoTime();
    final List<String> received = new CopyOnWriteArrayList<>();
    Redis client;

    @BeforeEach
    void subscribe() {
        client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisHosts));
        RedisConnection subscriber = client.connectAndAwait();
        subscriber.handler(message -> {
            if (message.size() == 3 && "message".equals(message.get(0).toString())) {
                received.add(message.get(2).toString());
            }
        });
        subscriber.sendAndAwait(Request.cmd(Command.SUBSCRIBE).arg(channel));
    }

    @AfterEach
    void close() {
        client.close();
    }

    void publish(long seq) {
        publisher.publish(order, seq, "m" + seq, List.of(channel)).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aLatePredecessorIsPublishedAfterTheGapTimeoutInsteadOfNever() {
        publish(1);
        publish(3); // waits for 2
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("m3")); // the gap timeout gave up on 2
        publish(2); // its replica was only slow
        publish(2); // a second attempt is a duplicate
        publish(4);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("m4"));
        assertEquals(List.of("m1", "m3", "m2", "m4"), received);
    }

    @Test
    void messagesInOrderGoOutAtOnceAndOutOfOrderOnesWaitForTheirTurn() {
        publish(1);
        publish(3);
        publish(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
        assertEquals(List.of("m1", "m2", "m3"), received);
    }
}
