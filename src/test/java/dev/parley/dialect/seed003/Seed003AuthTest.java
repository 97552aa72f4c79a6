package dev.parley.dialect.seed003;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.RawWebSocket;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seed 003's {@code /ws/auth?token=}: the upgrade always succeeds, and a missing,
 * bad or expired token is answered with close code 4001, as a browser can read
 * it; a good token opens a chat connection in Parley's protocol.
 */
@QuarkusTest
class Seed003AuthTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser user = TestUser.fresh("seed003");

    @Test
    void aMissingTokenIsUpgradedThenClosedWith4001() throws Exception {
        assertEquals(4001, closeCodeOf("/ws/auth"));
        assertEquals(4001, closeCodeOf("/ws/auth?token="));
    }

    @Test
    void aBadTokenIsUpgradedThenClosedWith4001() throws Exception {
        assertEquals(4001, closeCodeOf("/ws/auth?token=secret-token"));
        assertEquals(4001, closeCodeOf("/ws/auth?token=" + user.token() + "x"));
        assertEquals(4001, closeCodeOf("/ws/auth?token=" + user.claims().sign(KeyUtils.generateKeyPair(2048).getPrivate())));
        assertEquals(4001, closeCodeOf("/ws/auth?token=" + user.claims().issuer("https://evil.example").sign()));
        assertEquals(4001, closeCodeOf("/ws/auth?token=" + user.claims().claim("token_type", "refresh").sign()));
        byte[] publicKey = getClass().getResourceAsStream("/test-keys/public.pem").readAllBytes();
        assertEquals(4001, closeCodeOf("/ws/auth?token=" + user.claims().signWithSecret(new String(publicKey).repeat(2))));
    }

    @Test
    void anExpiredTokenIsUpgradedThenClosedWith4001() throws Exception {
        String expired = user.claims().issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(60))
                .sign();
        assertEquals(4001, closeCodeOf("/ws/auth?token=" + expired));
    }

    @Test
    void otherPathsStillAnswerABadTokenWith401() {
        given().header("Connection", "Upgrade").header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").queryParam("token", "secret-token")
                .get("/ws/chat").then().statusCode(401);
    }

    @Test
    void aServiceTokenIsStillRefusedAtTheHandshake() {
        given().header("Connection", "Upgrade").header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .queryParam("token", TestUser.serviceToken("backend")).get("/ws/auth").then().statusCode(403);
    }

    @Test
    void aGoodTokenOpensAChatConnectionInParleysProtocol() {
        TestUser other = TestUser.fresh("other");
        try (ChatClient auth = ChatClient.connect(base, "/ws/auth", user.token());
             ChatClient chat = ChatClient.connect(base, "/ws/chat", other.token())) {
            assertEquals(user.id(), auth.connected().get("user_id").asLong());
            auth.send(Map.of("type", "message", "recipient_id", other.id(), "content", "from /ws/auth"));
            assertEquals("from /ws/auth", auth.await("message").get("content").asText());
            JsonNode received = chat.await("message");
            assertEquals(user.id(), received.get("sender_id").asLong());
            chat.send(Map.of("type", "message", "recipient_id", user.id(), "content", "back"));
            assertEquals("back", auth.await("message").get("content").asText());
        }
    }

    @Test
    void aGoodTokenThatExpiresClosesTheConnectionWith4001Too() {
        try (ChatClient auth = ChatClient.connect(base, "/ws/auth", user.tokenExpiringIn(Duration.ofSeconds(2)))) {
            auth.connected();
            assertEquals(4001, auth.awaitClose().getCode());
        }
    }

    private int closeCodeOf(String pathAndQuery) throws Exception {
        try (RawWebSocket socket = RawWebSocket.open(base, pathAndQuery)) {
            return socket.awaitCloseCode();
        }
    }
}
