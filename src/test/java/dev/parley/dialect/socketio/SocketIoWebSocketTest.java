package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's client over the WebSocket transport only ({@code transports: ['websocket']}),
 * with a {@code /ws/chat} user on the other end of a direct chat.
 */
@QuarkusTest
class SocketIoWebSocketTest {

    static final List<String> WEBSOCKET = List.of("websocket");

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    @Test
    void aSocketIoUserAndAWsChatUserChatBothWays() {
        bob.registered();
        try (ChatClient b = ChatClient.connect(base, bob.token());
             SocketIoClient a = SocketIoClient.connect(base, alice.token(), WEBSOCKET, false)) {
            assertEquals("websocket", a.awaitConnect().path("transport").asText());
            a.awaitEvent("online_users");

            int ack = a.emitWithAck("send_message", Map.of("recipientId", bob.id(), "content", "hi from socket.io",
                    "messageType", "text"));
            JsonNode acked = a.awaitAck(ack).path(0);
            assertEquals("hi from socket.io", acked.path("content").asText());
            assertEquals("text", acked.path("messageType").asText());
            assertEquals(alice.id(), acked.path("sender").path("id").asLong());
            long chatId = acked.path("chatId").asLong();
            JsonNode own = a.awaitEvent("receive_message");
            assertEquals(acked.path("id").asLong(), own.path("id").asLong(), "the seed's sender gets receive_message too");

            JsonNode received = b.await("message");
            assertEquals("hi from socket.io", received.path("content").asText());
            assertEquals(chatId, received.path("chat_id").asLong());

            b.send(Map.of("type", "message", "chat_id", chatId, "content", "hi from /ws/chat"));
            JsonNode reply = a.awaitEvent("receive_message", m -> m.path("content").asText().equals("hi from /ws/chat"));
            assertEquals(chatId, reply.path("chatId").asLong());
            assertEquals(bob.id(), reply.path("sender").path("id").asLong());
            assertEquals(bob.username(), reply.path("sender").path("username").asText());
            assertTrue(reply.path("createdAt").isTextual());

            JsonNode delivered = a.awaitEvent("message_delivered");
            assertEquals(acked.path("id").asLong(), delivered.path("messageId").asLong());
            assertEquals(bob.id(), delivered.path("deliveredTo").path(0).asLong());
        }
    }

    @Test
    void aRefusedTokenIsConnectError() {
        try (SocketIoClient none = SocketIoClient.connect(base, null, WEBSOCKET, false);
             SocketIoClient forged = SocketIoClient.connect(base, "not.a.jwt", WEBSOCKET, false);
             SocketIoClient service = SocketIoClient.connect(base, TestUser.serviceToken("crm"), WEBSOCKET, false)) {
            assertTrue(none.awaitConnect().path("message").asText().startsWith("Authentication required"));
            assertEquals("Invalid or expired access token", forged.awaitConnect().path("message").asText());
            assertTrue(service.awaitConnect().path("message").asText().startsWith("Service tokens"));
        }
    }

    @Test
    void refreshTokensAndDeletedUsersAreRefusedAsOnWsChat() {
        TestUser gone = TestUser.fresh("gone").registered();
        given().auth().oauth2(TestUser.fresh("root").token("admin")).delete("/api/v1/users/" + gone.id())
                .then().statusCode(204);
        try (SocketIoClient refresh = SocketIoClient.connect(base, alice.claims().claim("token_type", "refresh").sign(),
                WEBSOCKET, false);
             SocketIoClient deleted = SocketIoClient.connect(base, gone.token(), WEBSOCKET, false)) {
            assertEquals("Invalid or expired access token", refresh.awaitConnect().path("message").asText());
            assertEquals("This account was deleted", deleted.awaitConnect().path("message").asText());
        }
    }

    /** A connection lives no longer than its token: DISCONNECT, which the client does not retry by itself. */
    @Test
    void anExpiredTokenDisconnectsTheSocket() {
        try (SocketIoClient a = SocketIoClient.connect(base, alice.tokenExpiringIn(Duration.ofSeconds(2)))) {
            assertEquals("connect", a.awaitConnect().path("type").asText());
            assertEquals("io server disconnect", a.await("disconnect").path("reason").asText());
        }
    }

    @Test
    void aRefusalIsAcknowledgedOrEmittedAsError() {
        try (SocketIoClient a = SocketIoClient.connect(base, alice.token(), WEBSOCKET, false)) {
            a.awaitConnect();
            int ack = a.emitWithAck("send_message", Map.of("chatId", "chat_123", "content", "x"));
            assertEquals("invalid_field", a.awaitAck(ack).path(0).path("error").path("code").asText());
            a.emit("send_message", Map.of("content", "no target"));
            assertEquals("missing_field", a.awaitEvent("error").path("code").asText());
        }
    }
}
