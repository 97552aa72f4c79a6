package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Socket.IO user (seed 004's client, default transports) and a {@code /ws/chat}
 * user in one direct chat see each other's typing, delivered, read and presence.
 */
@QuarkusTest
class SocketIoCrossDialectTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    /** The direct chat, made by a first message from bob (so each is in the other's presence audience). */
    private long directChat(ChatClient b) {
        b.send(Map.of("type", "message", "recipient_id", alice.id(), "content", "hello alice"));
        return b.await("message").path("chat_id").asLong();
    }

    @Test
    void typingBothWays() {
        alice.registered();
        try (ChatClient b = ChatClient.connect(base, bob.token());
             SocketIoClient a = SocketIoClient.connect(base, alice.token())) {
            long chatId = directChat(b);
            a.awaitConnect();

            a.emit("typing", Map.of("chatId", chatId, "username", alice.username()));
            JsonNode typing = b.await("typing");
            assertEquals(alice.id(), typing.path("user_id").asLong());
            assertTrue(typing.path("is_typing").asBoolean());
            a.emit("stop_typing", Map.of("chatId", chatId));
            assertFalse(b.await("typing").path("is_typing").asBoolean());

            b.send(Map.of("type", "typing", "chat_id", chatId));
            JsonNode seen = a.awaitEvent("typing");
            assertEquals(chatId, seen.path("chatId").asLong());
            assertEquals(bob.id(), seen.path("userId").asLong());
            assertEquals(bob.username(), seen.path("username").asText());
            b.send(Map.of("type", "typing", "chat_id", chatId, "is_typing", false));
            assertEquals(bob.id(), a.awaitEvent("stop_typing").path("userId").asLong());
        }
    }

    @Test
    void deliveredAndReadBothWays() {
        alice.registered();
        try (ChatClient b = ChatClient.connect(base, bob.token());
             SocketIoClient a = SocketIoClient.connect(base, alice.token())) {
            a.awaitConnect();
            long chatId = directChat(b);
            JsonNode received = a.awaitEvent("receive_message");
            JsonNode delivered = b.await("delivered");
            assertEquals(received.path("id").asLong(), delivered.path("message_id").asLong());
            assertEquals(alice.id(), delivered.path("user_id").asLong(), "a Socket.IO recipient's delivery counts");

            int ack = a.emitWithAck("mark_chat_read", Map.of("chatId", chatId));
            a.awaitAck(ack);
            JsonNode read = b.await("messages_read");
            assertEquals(alice.id(), read.path("user_id").asLong());
            assertEquals(chatId, read.path("chat_id").asLong());

            int sent = a.emitWithAck("send_message", Map.of("chatId", chatId, "content", "seen it"));
            long messageId = a.awaitAck(sent).path(0).path("id").asLong();
            b.await("message", m -> m.path("content").asText().equals("seen it"));
            JsonNode toSender = a.awaitEvent("message_delivered", d -> d.path("messageId").asLong() == messageId);
            assertEquals(bob.id(), toSender.path("deliveredTo").path(0).asLong());
            assertEquals(chatId, toSender.path("chatId").asLong());

            b.send(Map.of("type", "read_messages", "chat_id", chatId));
            JsonNode readBy = a.awaitEvent("messages_read", r -> r.path("userId").asLong() == bob.id());
            assertEquals(chatId, readBy.path("chatId").asLong());
            assertEquals(2, readBy.path("lastReadSeq").asLong());
        }
    }

    @Test
    void presenceBothWays() {
        alice.registered();
        try (ChatClient b = ChatClient.connect(base, bob.token())) {
            directChat(b);
            try (SocketIoClient a = SocketIoClient.connect(base, alice.token())) {
                a.awaitConnect();
                JsonNode online = a.awaitEvent("online_users");
                assertTrue(online.isArray());
                assertTrue(online.toString().contains(String.valueOf(bob.id())), "bob is online: " + online);
                assertEquals(alice.id(), b.await("user_status").path("user_id").asLong());

                try (ChatClient laterBob = ChatClient.connect(base, bob.token())) {
                    laterBob.roundTrip();
                }
                b.close();
                JsonNode offline = a.awaitEvent("user_offline");
                assertEquals(bob.id(), offline.path("userId").asLong());
                assertTrue(offline.path("lastSeen").isTextual());
                try (ChatClient back = ChatClient.connect(base, bob.token())) {
                    JsonNode backOnline = a.awaitEvent("user_online");
                    assertEquals(bob.id(), backOnline.path("userId").asLong());
                    assertEquals(bob.username(), backOnline.path("username").asText(), "the seed's user_online names the user");
                    a.close();
                    assertEquals(alice.id(), back.await("user_offline").path("user_id").asLong());
                }
            }
        }
    }
}
