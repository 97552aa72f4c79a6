package dev.parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002's public rooms, joined by path or by frame. */
@QuarkusTest
class RoomTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");
    final String room = "room-" + alice.id();

    @Test
    void pathJoinSendsTheLastMessagesOldestFirstThenLiveTraffic() {
        try (ChatClient a = ChatClient.connect(base, "/ws/rooms/" + room, alice.token())) {
            for (int i = 1; i <= 3; i++) {
                a.send(Map.of("type", "message", "content", "hello " + i)); // seed 002 frame: no chat id
                a.await("new_message");
            }
            try (ChatClient b = ChatClient.connect(base, "/ws/rooms/" + room, bob.token())) {
                for (int i = 1; i <= 3; i++) {
                    JsonNode old = b.await("new_message");
                    assertEquals("hello " + i, old.get("message").get("content").asText());
                    assertEquals(alice.username(), old.get("message").get("sender_username").asText());
                    assertTrue(old.get("history").asBoolean());
                }
                JsonNode joined = a.await("user_joined");
                assertEquals(bob.id(), joined.get("user_id").asLong());
                assertEquals(bob.username(), joined.get("username").asText());

                a.send(Map.of("type", "message", "content", "live"));
                JsonNode live = b.await("new_message");
                assertEquals("live", live.get("message").get("content").asText());
                assertTrue(!live.has("history"), "live messages are not marked as history");
            }
        }
    }

    @Test
    void joinChatByIdMakesAMemberAndLeaveChatEndsIt() {
        long chatId;
        try (ChatClient a = ChatClient.connect(base, "/ws/rooms/" + room, alice.token())) {
            chatId = db.count("SELECT id FROM conversations WHERE kind = 'room' AND name = $1", room);
            try (ChatClient b = ChatClient.connect(base, bob.token())) {
                b.send(Map.of("type", "join_chat", "chat_id", chatId));
                assertEquals(bob.id(), a.await("user_joined").get("user_id").asLong());
                assertEquals(1, db.count("SELECT count(*) FROM members WHERE conversation_id = $1 AND user_id = $2",
                        chatId, bob.id()));

                a.send(Map.of("type", "message", "content", "to the room"));
                assertEquals("to the room", b.await("new_message").get("message").get("content").asText());

                b.send(Map.of("type", "leave_chat", "chat_id", chatId));
                assertEquals(bob.id(), a.await("user_left").get("user_id").asLong());
                b.roundTrip();
                assertEquals(0, db.count("SELECT count(*) FROM members WHERE conversation_id = $1 AND user_id = $2",
                        chatId, bob.id()));
                b.send(Map.of("type", "message", "chat_id", chatId, "content", "gone"));
                assertEquals("forbidden", b.await("error").get("code").asText());
            }
        }
    }

    @Test
    void theBacklogMarksADeletedMessageAndCarriesNoContent() {
        String quiet = "deleted-" + System.nanoTime();
        long gone;
        try (ChatClient a = ChatClient.connect(base, "/ws/rooms/" + quiet, alice.token())) {
            a.send(Map.of("type", "message", "content", "regret"));
            gone = a.await("new_message").get("message").get("id").asLong();
            a.send(Map.of("type", "message", "content", "kept"));
            a.await("new_message");
        }
        given().auth().oauth2(alice.token()).delete("/api/v1/messages/{id}", gone).then().statusCode(204);
        try (ChatClient b = ChatClient.connect(base, "/ws/rooms/" + quiet, bob.token())) {
            JsonNode deleted = b.await("new_message").get("message");
            assertEquals(gone, deleted.get("id").asLong());
            assertTrue(deleted.get("deleted").asBoolean());
            assertTrue(!deleted.has("content"), "no content: " + deleted);
            JsonNode kept = b.await("new_message").get("message");
            assertEquals("kept", kept.get("content").asText());
            assertTrue(!kept.has("deleted"), "only deleted messages are marked");
        }
    }

    @Test
    void roomRestApiListsRoomsUsersAndMessages() {
        try (ChatClient a = ChatClient.connect(base, "/ws/rooms/" + room, alice.token())) {
            a.send(Map.of("type", "message", "content", "first"));
            a.await("new_message");
            a.send(Map.of("type", "message", "content", "second"));
            a.await("new_message");
            given().auth().oauth2(bob.token()).get("/api/rooms").then().statusCode(200).body("rooms", hasItem(room));
            given().auth().oauth2(bob.token()).get("/api/rooms/{room}/users", room).then()
                    .body("room", equalTo(room))
                    .body("users.username", contains(alice.username()))
                    .body("users[0].online", equalTo(true));
            given().auth().oauth2(bob.token()).queryParam("limit", 1).get("/api/rooms/{room}/messages", room).then()
                    .body("messages.content", contains("second"));
            given().auth().oauth2(bob.token()).get("/api/rooms/{room}/messages", room).then()
                    .body("messages.content", contains("first", "second"))
                    .body("messages.sender_username", contains(alice.username(), alice.username()));
        }
        given().auth().oauth2(bob.token()).get("/api/rooms/{room}/users", "no-such-" + room).then().statusCode(404);
        given().get("/api/rooms").then().statusCode(401);
    }

    @Test
    void connectedMeansJoined() {
        for (int i = 0; i < 10; i++) {
            TestUser member = TestUser.fresh("early" + i);
            String name = room + "-early-" + i;
            try (ChatClient client = ChatClient.connect(base, "/ws/rooms/" + name, member.token())) {
                // Straight after `connected`: a client may act on it at once.
                assertEquals(1, db.count("""
                        SELECT count(*) FROM members m JOIN conversations c ON c.id = m.conversation_id
                         WHERE c.kind = 'room' AND c.name = $1 AND m.user_id = $2""", name, member.id()));
                client.send(Map.of("type", "message", "content", "first words"));
                assertEquals("first words", client.await("new_message").get("message").get("content").asText());
            }
        }
    }

    @Test
    void anInvalidRoomNameGetsAnErrorAndCloseCode4400() {
        try (ChatClient client = ChatClient.connect(base, "/ws/rooms/" + "x".repeat(65), alice.token())) {
            assertEquals("invalid_field", client.await("error").get("code").asText());
            assertEquals(4400, client.awaitClose().getCode());
        }
    }

    @Test
    void aRoomMessageIsOnePublishForTheWholeRoom() {
        List<ChatClient> members = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                members.add(ChatClient.connect(base, "/ws/rooms/" + room, TestUser.fresh("m" + i).token()));
            }
            members.getFirst().send(Map.of("type", "message", "content", "all of you"));
            for (ChatClient member : members) {
                assertEquals("all of you", member.await("new_message", frame -> !frame.has("history"))
                        .get("message").get("content").asText());
            }
        } finally {
            members.forEach(ChatClient::close);
        }
    }
}
