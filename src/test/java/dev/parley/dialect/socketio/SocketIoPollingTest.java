package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's client on HTTP long-polling, alone and with the client's default
 * upgrade to WebSocket, kept alive by Engine.IO pings (every second in tests).
 */
@QuarkusTest
class SocketIoPollingTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    @Test
    void pollingOnlyChatsAndStaysUpAcrossPings() {
        bob.registered();
        try (ChatClient b = ChatClient.connect(base, bob.token());
             SocketIoClient a = SocketIoClient.connect(base, alice.token(), List.of("polling"), false)) {
            assertEquals("polling", a.awaitConnect().path("transport").asText());
            int ack = a.emitWithAck("send_message", Map.of("recipientId", bob.id(), "content", "polled hello"));
            long chatId = a.awaitAck(ack).path(0).path("chatId").asLong();
            assertEquals("polled hello", b.await("message").path("content").asText());

            b.send(Map.of("type", "message", "chat_id", chatId, "content", "answer over a poll"));
            a.awaitEvent("receive_message", m -> m.path("content").asText().equals("answer over a poll"));

            for (int i = 0; i < 3; i++) {
                a.await("ping"); // each answered with a pong POST, else the session would end after 3 s
            }
            assertTrue(a.await(line -> line.path("type").asText().equals("disconnect") || line.path("type").asText()
                    .equals("ping")).path("type").asText().equals("ping"), "still connected after three pings");
            b.send(Map.of("type", "message", "chat_id", chatId, "content", "after the pings"));
            a.awaitEvent("receive_message", m -> m.path("content").asText().equals("after the pings"));
        }
    }

    @Test
    void theClientsDefaultsPollThenUpgradeToWebSocket() {
        bob.registered();
        try (ChatClient b = ChatClient.connect(base, bob.token());
             SocketIoClient a = SocketIoClient.connect(base, alice.token())) {
            // The client starts on polling; the upgrade may finish before or after connect.
            assertEquals("connect", a.awaitConnect().path("type").asText());
            int ack = a.emitWithAck("send_message", Map.of("recipientId", bob.id(), "content", "before or during"));
            long chatId = a.awaitAck(ack).path(0).path("chatId").asLong();
            assertEquals("websocket", a.await("upgrade").path("transport").asText());

            b.send(Map.of("type", "message", "chat_id", chatId, "content", "after the upgrade"));
            JsonNode message = a.awaitEvent("receive_message", m -> m.path("content").asText().equals("after the upgrade"));
            assertEquals(bob.id(), message.path("sender").path("id").asLong());
            int second = a.emitWithAck("send_message", Map.of("chatId", chatId, "content", "on the websocket"));
            assertEquals("on the websocket", a.awaitAck(second).path(0).path("content").asText());
            assertEquals("on the websocket", b.await("message", m -> m.path("content").asText()
                    .equals("on the websocket")).path("content").asText());
            a.await("ping");
        }
    }
}
