package dev.parley.gateway;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code connected} is always a connection's first frame, also when messages for
 * its user arrive while it opens (a room connection joins the room and reads its
 * backlog first): they wait, and follow it.
 */
@QuarkusTest
class ConnectedFirstTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void connectedComesFirstWhileMessagesForTheUserArrive() {
        TestUser busy = TestUser.fresh("busy");
        TestUser sender = TestUser.fresh("sender");
        AtomicBoolean sending = new AtomicBoolean(true);
        try (ChatClient first = ChatClient.connect(base, busy.token());
             ChatClient from = ChatClient.connect(base, sender.token())) {
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                for (int i = 0; sending.get() && i < 800; i++) { // under the test profile's frame burst
                    from.send(Map.of("type", "message", "recipient_id", busy.id(), "content", "m" + i));
                }
            });
            first.await("message");
            // A room connection joins and reads the room's backlog before connected: the widest window.
            String room = "first-" + System.nanoTime();
            for (int i = 0; i < 20; i++) {
                String path = i % 2 == 0 ? "/ws/rooms/" + room : "/ws/chat";
                try (ChatClient next = ChatClient.connect(base, path, busy.token())) {
                    assertEquals("connected", next.first().get("type").asText(), "connection " + i);
                }
            }
            sending.set(false);
            flood.join();
        }
    }
}
