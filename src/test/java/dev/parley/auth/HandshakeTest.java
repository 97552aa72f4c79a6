package dev.parley.auth;

import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Only a valid access token opens a chat connection, and only until it expires. */
@QuarkusTest
class HandshakeTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser user = TestUser.fresh("user");

    @Inject
    Database db;

    @Test
    void validTokenInQueryOrHeaderIsUpgraded() {
        try (ChatClient browser = ChatClient.connect(base, user.token());
             ChatClient app = ChatClient.connectWithHeader(base, user.token())) {
            assertEquals(user.id(), browser.connected().get("user_id").asLong());
            assertEquals(user.id(), app.connected().get("user_id").asLong());
        }
    }

    @Test
    void missingTokenIsRefusedWith401() {
        upgrade().get("/ws/chat").then().statusCode(401);
    }

    @Test
    void malformedTokenIsRefusedWith401() {
        refused("not-a-jwt");
        refused(user.token() + "x");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPair other = KeyUtils.generateKeyPair(2048);
        refused(user.claims().sign(other.getPrivate()));
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        refused(user.claims().issuer("https://evil.example").sign());
    }

    @Test
    void expiredTokenIsRefused() {
        refused(user.claims().issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(60)).sign());
    }

    @Test
    void refreshTokensAreRefused() {
        refused(user.claims().claim("token_type", "refresh").sign());
        refused(user.claims().claim("type", "refresh").sign());
        try (ChatClient access = ChatClient.connect(base, user.claims().claim("token_type", "access").sign())) {
            assertEquals(user.id(), access.connected().get("user_id").asLong());
        }
    }

    @Test
    void subjectMustBeANumericUserId() {
        refused(user.claims().subject("alice").sign());
        refused(user.claims().subject("-4").sign());
    }

    @Test
    void unsignedTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"" + TestUser.ISSUER + "\",\"sub\":\"" + user.id()
                + "\",\"exp\":" + Instant.now().plusSeconds(300).getEpochSecond() + "}").getBytes());
        refused(header + "." + claims + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIsRefused() throws Exception {
        // The classic algorithm confusion: an attacker who knows the public key signs with it as an HMAC secret.
        byte[] publicKey = getClass().getResourceAsStream("/test-keys/public.pem").readAllBytes();
        refused(user.claims().signWithSecret(new String(publicKey).repeat(2)));
    }

    @Test
    void notYetValidTokenIsRefused() {
        refused(user.claims().claim("nbf", Instant.now().plusSeconds(600).getEpochSecond()).sign());
    }

    @Test
    void aDeletedUsersTokenIsRefusedAndTheAccountStaysDeleted() {
        try (ChatClient first = ChatClient.connect(base, user.token())) {
            first.roundTrip();
        }
        TestUser admin = TestUser.fresh("admin");
        given().auth().oauth2(user.token()).delete("/api/v1/users/{id}", user.id()).then().statusCode(403);
        given().auth().oauth2(admin.token("admin")).delete("/api/v1/users/{id}", user.id()).then().statusCode(204);

        String stillValid = user.claims().claim("preferred_username", "comeback").sign();
        upgrade().queryParam("token", stillValid).get("/ws/chat").then().statusCode(403);
        given().auth().oauth2(stillValid).get("/api/v1/users/me").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        var row = db.query("SELECT username, deleted_at FROM users WHERE id = $1", user.id()).getFirst();
        assertEquals(user.username(), row.getString("username"), "the refused token changed nothing");
        assertNotNull(row.getValue("deleted_at"));
    }

    @Test
    void refusalCarriesAJsonBody() {
        upgrade().queryParam("token", "garbage").get("/ws/chat").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void connectionIsClosedWith4001WhenItsTokenExpires() {
        try (ChatClient client = ChatClient.connect(base, user.tokenExpiringIn(Duration.ofSeconds(2)))) {
            CloseReason reason = client.awaitClose();
            assertEquals(4001, reason.getCode());
            assertEquals("token expired", reason.getMessage());
        }
    }

    @Test
    void refusedHandshakesAreCountedByReason() {
        double unauthorized = refusals("unauthorized");
        double forbidden = refusals("forbidden");
        upgrade().queryParam("token", "not-a-token").get("/ws/chat").then().statusCode(401);
        upgrade().get("/ws/rooms/general").then().statusCode(401);
        TestUser gone = TestUser.fresh("gone");
        String token = gone.token();
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200); // the user exists
        given().auth().oauth2(TestUser.fresh("admin").token("admin")).delete("/api/v1/users/{id}", gone.id())
                .then().statusCode(204);
        upgrade().queryParam("token", token).get("/ws/chat").then().statusCode(403);
        assertEquals(unauthorized + 2, refusals("unauthorized"));
        assertEquals(forbidden + 1, refusals("forbidden"));
    }

    private static double refusals(String reason) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher match = java.util.regex.Pattern.compile("(?m)^parley_rejected_handshakes_total\\{[^}]*reason=\""
                + reason + "\"[^}]*} ([0-9.eE+-]+)$").matcher(text);
        return match.find() ? Double.parseDouble(match.group(1)) : 0;
    }

    private void refused(String token) {
        upgrade().queryParam("token", token).get("/ws/chat").then().statusCode(401);
        upgrade().header("Authorization", "Bearer " + token).get("/ws/chat").then().statusCode(401);
    }

    /** A WebSocket handshake request (used for refusals: a 101 would leave the HTTP client waiting). */
    private static RequestSpecification upgrade() {
        return given()
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    }
}
