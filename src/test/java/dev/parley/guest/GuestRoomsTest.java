package dev.parley.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import org.awaitility.Awaitility;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002's and 003's guest rooms, driven by raw WebSocket clients sending exactly the seeds' frames. */
@QuarkusTest
@TestProfile(GuestsOn.class)
class GuestRoomsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    final String room = "guests-" + suffix;

    @Test
    void seedTwoGetsHistoryFirstThenJoinsAndLeavesOnEveryConnect() {
        try (GuestClient john = GuestClient.open(base, "/ws/" + room + "/john" + suffix)) {
            john.send("{\"type\": \"message\", \"content\": \"Hello everyone!\"}"); // seed 002, as its page sends it
            JsonNode own = john.await("message");
            assertEquals("Hello everyone!", own.get("content").asText());
            assertEquals("john" + suffix, own.get("username").asText());
            assertTrue(own.get("id").isTextual(), "the seed's id is a string");
            assertNotNull(Instant.parse(own.get("timestamp").asText()));
            assertEquals(5, own.size(), "exactly the seed's Message fields: " + own);

            try (GuestClient mary = GuestClient.open(base, "/ws/" + room + "/mary" + suffix)) {
                JsonNode first = mary.first();
                assertEquals("message", first.get("message_type").asText(), "history comes first");
                assertEquals("Hello everyone!", first.get("content").asText());
                JsonNode joined = john.await("user_joined", "mary" + suffix);
                assertEquals(3, joined.size(), "the seed's UserJoinedMessage: " + joined);
                assertNotNull(Instant.parse(joined.get("timestamp").asText()));

                mary.send("{\"type\":\"typing\"}"); // another type: ignored, as the seed does
                mary.send("{\"type\":\"message\",\"content\":\"   \"}"); // blank: ignored
                mary.send("{\"type\":\"message\",\"content\":\"hi john\"}");
                assertEquals("hi john", john.await("message", "mary" + suffix).get("content").asText());
                assertEquals("hi john", mary.await("message", "mary" + suffix).get("content").asText(),
                        "the sender gets its own message with everyone else, as in the seed");
            }
            JsonNode left = john.await("user_left", "mary" + suffix);
            assertEquals(3, left.size(), "the seed's UserLeftMessage: " + left);

            try (GuestClient again = GuestClient.open(base, "/ws/" + room + "/mary" + suffix)) {
                john.await("user_joined", "mary" + suffix); // every connect, not only a first membership
            }
            john.await("user_left", "mary" + suffix);
        }
    }

    @Test
    void seedThreeTakesPlainTextAndTheSeedTwoFrame() {
        try (GuestClient carol = GuestClient.open(base, "/ws/chat/" + room + "/carol" + suffix)) {
            carol.send("Hello!"); // seed 003's clients send plain text
            assertEquals("Hello!", carol.await("message").get("content").asText());
            carol.send("{\"type\":\"message\",\"content\":\"json too\"}");
            assertEquals("json too", carol.await("message").get("content").asText());
        }
    }

    @Test
    void aSecondConnectionCannotTakeALiveName() {
        String name = "dup" + suffix;
        try (GuestClient first = GuestClient.open(base, "/ws/" + room + "/" + name)) {
            first.send("{\"type\":\"message\",\"content\":\"mine\"}");
            first.await("message");
            try (GuestClient second = GuestClient.open(base, "/ws/chat/" + room + "/" + name)) {
                JsonNode error = second.await("error");
                assertEquals("conflict", error.get("code").asText());
                assertEquals(GuestRoomEndpoint.NAME_TAKEN.getCode(), second.awaitCloseCode());
                assertEquals("name taken", second.closeReason());
            }
            try (GuestClient elsewhere = GuestClient.open(base, "/ws/other-" + room + "/" + name)) {
                elsewhere.send("{\"type\":\"message\",\"content\":\"another room is fine\"}");
                elsewhere.await("message");
            }
            first.send("{\"type\":\"message\",\"content\":\"still here\"}");
            assertEquals("still here", first.await("message").get("content").asText(), "the holder keeps its name");
        }
        // The name is free once the server has seen the close (the room's users say when).
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/rooms/" + room + "/users").then().body("users", not(hasItem(name))));
        try (GuestClient later = GuestClient.open(base, "/ws/" + room + "/" + name)) {
            later.send("{\"type\":\"message\",\"content\":\"free again\"}");
            assertEquals(name, later.awaitContent("free again").get("username").asText());
        }
    }

    @Test
    void aGuestCannotTakeAnAccountsNameABannedOneNorAnInvalidOne() {
        TestUser member = TestUser.fresh("member");
        given().auth().oauth2(member.token()).get("/api/v1/users/me").then().statusCode(200);
        try (GuestClient impostor = GuestClient.open(base, "/ws/" + room + "/" + member.username().toUpperCase())) {
            assertEquals("conflict", impostor.await("error").get("code").asText());
            assertEquals(GuestRoomEndpoint.NAME_TAKEN.getCode(), impostor.awaitCloseCode());
        }
        String banned = "banned" + suffix;
        try (GuestClient once = GuestClient.open(base, "/ws/" + room + "/" + banned)) {
            once.send("{\"type\":\"message\",\"content\":\"spam\"}");
            once.await("message");
        }
        db.query("UPDATE users SET deleted_at = now() WHERE guest AND username = $1", banned);
        try (GuestClient again = GuestClient.open(base, "/ws/" + room + "/" + banned)) {
            assertEquals("conflict", again.await("error").get("code").asText());
            assertEquals(GuestRoomEndpoint.NAME_TAKEN.getCode(), again.awaitCloseCode());
        }
        try (GuestClient bad = GuestClient.open(base, "/ws/" + room + "/%3Cscript%3E")) {
            assertEquals("invalid_field", bad.await("error").get("code").asText());
            assertEquals(GuestRoomEndpoint.INVALID.getCode(), bad.awaitCloseCode());
        }
    }

    @Test
    void guestsAndAccountHoldersShareTheRoomBothWays() {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (ChatClient byPath = ChatClient.connect(base, "/ws/rooms/" + room, alice.token());
             GuestClient guest = GuestClient.open(base, "/ws/" + room + "/guest" + suffix)) {
            JsonNode joined = byPath.await("user_joined", frame -> frame.get("username").asText().equals("guest" + suffix));
            long chatId = joined.get("chat_id").asLong();
            assertTrue(joined.get("user_id").asLong() < 0, "guests have ids no token can claim");

            try (ChatClient byFrame = ChatClient.connect(base, bob.token())) { // /ws/chat, Parley's main endpoint
                byFrame.send(Map.of("type", "join_chat", "chat_id", chatId));
                guest.await("user_joined", bob.username());

                guest.send("{\"type\":\"message\",\"content\":\"hello members\"}");
                for (ChatClient member : new ChatClient[] {byPath, byFrame}) {
                    JsonNode message = member.await("new_message", frame -> frame.get("chat_id").asLong() == chatId);
                    assertEquals("hello members", message.get("message").get("content").asText());
                    assertEquals("guest" + suffix, message.get("message").get("sender_username").asText());
                }

                byPath.send(Map.of("type", "message", "content", "hello guest"));
                JsonNode fromAlice = guest.await("message", alice.username());
                assertEquals("hello guest", fromAlice.get("content").asText());
                byFrame.send(Map.of("type", "message", "chat_id", chatId, "content", "me too"));
                assertEquals("me too", guest.await("message", bob.username()).get("content").asText());
                byFrame.send(Map.of("type", "typing", "chat_id", chatId, "is_typing", true));
                byFrame.roundTrip();
            }
            guest.send("{\"type\":\"message\",\"content\":\"marker\"}");
            guest.await("message", "guest" + suffix);
            for (String parley : new String[] {"typing", "new_message", "user_joined", "connected"}) {
                assertTrue(guest.parleyFrames(parley).isEmpty(), "no Parley " + parley + " frame reaches a guest");
            }
        }
    }

    @Test
    void theRoomApiAnswersInTheSeedsShapesWithoutATokenAndInParleysWithOne() {
        TestUser alice = TestUser.fresh("alice");
        String guestName = "rest" + suffix;
        try (ChatClient member = ChatClient.connect(base, "/ws/rooms/" + room, alice.token());
             GuestClient guest = GuestClient.open(base, "/ws/" + room + "/" + guestName)) {
            guest.send("{\"type\":\"message\",\"content\":\"for the record\"}");
            guest.await("message");

            given().get("/api/rooms").then().statusCode(200).body("rooms", hasItem(room));
            given().get("/api/rooms/" + room + "/users").then().statusCode(200)
                    .body("room", equalTo(room))
                    .body("users", containsInAnyOrder(guestName, alice.username()));
            given().get("/api/rooms/" + room + "/messages?limit=20").then().statusCode(200)
                    .body("room", equalTo(room))
                    .body("messages.content", equalTo(java.util.List.of("for the record")))
                    .body("messages[0].username", equalTo(guestName))
                    .body("messages[0].message_type", equalTo("message"))
                    .body("messages[0].id", notNullValue())
                    .body("messages[0].timestamp", notNullValue());

            given().auth().oauth2(alice.token()).get("/api/rooms/" + room + "/users").then().statusCode(200)
                    .body("users.username", hasItem(guestName))
                    .body("users[0].user_id", notNullValue());
            given().auth().oauth2(alice.token()).get("/api/rooms/" + room + "/messages").then().statusCode(200)
                    .body("messages[0].sender_id", notNullValue());
        }
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/rooms/" + room + "/users").then().body("users", not(hasItem(guestName))));
        given().get("/api/rooms/nowhere-" + suffix + "/users").then().statusCode(200).body("users", empty());
        given().get("/api/rooms/nowhere-" + suffix + "/messages").then().statusCode(200).body("messages", empty());
    }

    @Test
    void parleysOwnEndpointsKeepTheirPathsWithGuestsOn() {
        TestUser dora = TestUser.fresh("dora");
        // /ws/rooms/{room} and /ws/chat/... also match /ws/{room}/{username}: Parley's endpoints win.
        try (ChatClient rooms = ChatClient.connect(base, "/ws/rooms/" + room, dora.token())) {
            assertEquals(dora.id(), rooms.connected().get("user_id").asLong());
        }
        try (ChatClient chat = ChatClient.connect(base, dora.token())) {
            chat.roundTrip();
        }
        assertEquals(401, GuestClient.refusedStatus(base, "/ws/rooms/" + room));
    }

    @Test
    void guestsAreNotInAnyonesOnlineList() {
        TestUser frank = TestUser.fresh("frank");
        try (GuestClient guest = GuestClient.open(base, "/ws/" + room + "/ghost" + suffix)) {
            guest.send("{\"type\":\"message\",\"content\":\"here\"}");
            guest.await("message");
            try (ChatClient member = ChatClient.connect(base, frank.token())) {
                member.connected().get("online_users")
                        .forEach(id -> assertTrue(id.asLong() > 0, "a guest in online_users: " + id));
                given().auth().oauth2(frank.token()).get("/api/v1/ws/online-users").then().statusCode(200)
                        .body("online_users.findAll { it < 0 }", empty());
            }
        }
    }
}
