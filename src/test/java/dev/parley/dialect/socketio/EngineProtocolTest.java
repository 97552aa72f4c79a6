package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engine.IO's long-polling as the protocol words it, and what it refuses, on raw HTTP. */
@QuarkusTest
class EngineProtocolTest {

    static final String PATH = "/socket.io/";

    private static String handshake() throws Exception {
        String body = given().queryParam("EIO", 4).queryParam("transport", "polling").get(PATH)
                .then().statusCode(200).extract().asString();
        assertTrue(body.startsWith("0{"), body);
        return new ObjectMapper().readTree(body.substring(1)).path("sid").asText();
    }

    private static Response poll(String sid) {
        return given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid).get(PATH);
    }

    @Test
    void theHandshakeAnnouncesTheUpgradeAndTheTiming() throws Exception {
        String body = given().queryParam("EIO", 4).queryParam("transport", "polling").get(PATH)
                .then().statusCode(200).extract().asString();
        JsonNode open = new ObjectMapper().readTree(body.substring(1));
        assertEquals("websocket", open.path("upgrades").path(0).asText());
        assertEquals(1000, open.path("pingInterval").asInt());
        assertEquals(3000, open.path("pingTimeout").asInt());
        assertEquals(65536, open.path("maxPayload").asInt());
        assertTrue(open.path("sid").asText().length() >= 20);
    }

    @Test
    void wrongVersionsTransportsAndSessionsAreRefused() {
        given().queryParam("EIO", 3).queryParam("transport", "polling").get(PATH)
                .then().statusCode(400).body("code", equalTo(5));
        given().queryParam("EIO", 4).queryParam("transport", "flashsocket").get(PATH)
                .then().statusCode(400).body("code", equalTo(0));
        poll("no-such-session").then().statusCode(400).body("code", equalTo(1));
    }

    @Test
    void aSilentSessionEndsAfterPingTimeout() throws Exception {
        String sid = handshake();
        assertEquals("2", poll(sid).then().statusCode(200).extract().asString(), "the server pings");
        // No pong: within pingTimeout the session is gone.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> poll(sid).statusCode() == 400);
    }

    @Test
    void aPongKeepsItAlive() throws Exception {
        String sid = handshake();
        for (int i = 0; i < 5; i++) {
            assertEquals("2", poll(sid).then().statusCode(200).extract().asString());
            given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                    .body("3").post(PATH).then().statusCode(200).body(equalTo("ok"));
        }
    }

    /** Pongs nobody asked for must not start pings of their own: one ping per interval, whatever the client sends. */
    @Test
    void unaskedPongsDoNotMultiplyPings() throws Exception {
        String sid = handshake();
        given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                .body(String.join("\u001e", java.util.Collections.nCopies(20, "3"))).post(PATH).then().statusCode(200);
        // Answered pings, three rounds: each poll carries exactly one ping (20 extra pongs would make 20 extra pings).
        for (int round = 0; round < 3; round++) {
            assertEquals("2", poll(sid).then().statusCode(200).extract().asString(), "round " + round);
            given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                    .body("3").post(PATH).then().statusCode(200);
        }
    }

    @Test
    void anOverlappingPollEndsTheSession() throws Exception {
        String sid = handshake();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> poll(sid));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response second = poll(sid);
            return second.statusCode() == 400 || first.isDone();
        });
        first.get();
        poll(sid).then().statusCode(400).body("code", equalTo(1));
    }

    @Test
    void binaryPacketsAndOversizedBodiesAreRefused() throws Exception {
        String sid = handshake();
        given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                .body("bAQID").post(PATH).then().statusCode(400);
        poll(sid).then().statusCode(400).body("code", equalTo(1));

        String other = handshake();
        given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", other)
                .body("4" + "x".repeat(70_000)).post(PATH).then().statusCode(413);
    }

    /** A session whose transport ended while its CONNECT was being checked must not stay online. */
    @Test
    void aConnectThatOutlivesItsTransportLeavesNothingOnline() throws Exception {
        TestUser user = TestUser.fresh("brief");
        TestUser watcher = TestUser.fresh("watcher");
        String sid = handshake();
        given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                .body("40{\"token\":\"" + user.token() + "\"}\u001e1").post(PATH).then().statusCode(200);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                !given().auth().oauth2(watcher.token()).get("/api/v1/ws/online-users").then().extract()
                        .jsonPath().getList("online_users", Long.class).contains(user.id()));
    }

    @Test
    void socketIoConnectWithoutATokenIsConnectError() throws Exception {
        String sid = handshake();
        given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                .body("40").post(PATH).then().statusCode(200);
        String answer = poll(sid).then().statusCode(200).extract().asString();
        assertTrue(answer.startsWith("44{\"message\":\"Authentication required"), answer);
        given().queryParam("EIO", 4).queryParam("transport", "polling").queryParam("sid", sid)
                .body("40/admin,").post(PATH).then().statusCode(200);
        assertEquals("44/admin,{\"message\":\"Invalid namespace\"}", poll(sid).then().extract().asString());
    }
}
