package dev.parley.auth.hs256;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code parley.auth.hs256-secret} set, tokens signed with it are accepted
 * next to RS256 ones, under the same rules: issuer, expiry, no refresh tokens,
 * and no HS256 token checked against the public key.
 */
@QuarkusTest
@TestProfile(Hs256Profile.class)
class Hs256AcceptedTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser user = TestUser.fresh("hs");

    @Test
    void aTokenSignedWithTheSecretOpensEveryPathAndTheApi() {
        String token = Hs256Tokens.access(user.id(), Hs256Profile.SECRET);
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200);
        try (ChatClient seed = ChatClient.connect(base, "/ws", token);
             ChatClient parley = ChatClient.connect(base, "/ws/chat", token)) {
            assertEquals(user.id(), seed.connected().get("user_id").asLong());
            assertEquals(user.id(), parley.connected().get("user_id").asLong());
        }
    }

    @Test
    void rs256TokensStillWork() {
        try (ChatClient client = ChatClient.connect(base, "/ws", user.token())) {
            assertEquals(user.id(), client.connected().get("user_id").asLong());
        }
    }

    @Test
    void theAlgorithmConfusionStaysRefused() throws Exception {
        byte[] publicKey = getClass().getResourceAsStream("/test-keys/public.pem").readAllBytes();
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), Hs256Tokens.ISSUER, Instant.now().plusSeconds(300), ""),
                publicKey));
        refused(user.claims().signWithSecret(new String(publicKey).repeat(2)));
    }

    @Test
    void anotherSecretIsRefused() {
        refused(Hs256Tokens.access(user.id(), Hs256Profile.SECRET + "-but-not-quite"));
    }

    @Test
    void issuerAndExpiryAreStillRequired() {
        String secret = Hs256Profile.SECRET;
        Instant later = Instant.now().plusSeconds(300);
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), null, later, ""), secret));
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), "https://evil.example", later, ""), secret));
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), Hs256Tokens.ISSUER, null, ""), secret));
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), Hs256Tokens.ISSUER, Instant.now().minusSeconds(60), ""),
                secret));
    }

    @Test
    void refreshTokensAreStillRefused() {
        Instant later = Instant.now().plusSeconds(300);
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), Hs256Tokens.ISSUER, later, ",\"type\":\"refresh\""),
                Hs256Profile.SECRET));
        refused(Hs256Tokens.sign(Hs256Tokens.claims(user.id(), Hs256Tokens.ISSUER, later,
                ",\"token_type\":\"refresh\""), Hs256Profile.SECRET));
    }

    private void refused(String token) {
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(401);
        upgrade().queryParam("token", token).get("/ws").then().statusCode(401);
        upgrade().queryParam("token", token).get("/ws/chat").then().statusCode(401);
    }

    static RequestSpecification upgrade() {
        return given()
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    }
}
