package dev.parley.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends from many connections at once, so messages share a write batch
 * ({@link MessageWriter}): the batch keeps every rule of a single send.
 */
@QuarkusTest
class BatchedWritesTest {

    static final int PER_SENDER = 20;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final List<TestUser> members = List.of(TestUser.fresh("mentor"), TestUser.fresh("s1"), TestUser.fresh("s2"),
            TestUser.fresh("s3"), TestUser.fresh("s4"));
    final TestUser outsider = TestUser.fresh("outsider");

    long createGroup() {
        for (TestUser user : members.subList(1, members.size())) {
            given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200);
        }
        List<Long> others = members.subList(1, members.size()).stream().map(TestUser::id).toList();
        return given().auth().oauth2(members.getFirst().token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Busy group", "member_ids", others))
                .post("/api/v1/chats")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void concurrentSendersGetGapFreeSeqsInTheirOwnOrderAndOutsidersNone() {
        long chat = createGroup();
        List<ChatClient> clients = new ArrayList<>();
        try (ChatClient out = ChatClient.connect(base, outsider.token())) {
            for (TestUser member : members) {
                clients.add(ChatClient.connect(base, member.token()));
            }
            for (int i = 0; i < PER_SENDER; i++) {
                for (int c = 0; c < clients.size(); c++) {
                    clients.get(c).send(Map.of("type", "message", "chat_id", chat, "content", c + ":" + i));
                }
                out.send(Map.of("type", "message", "chat_id", chat, "content", "intruder " + i));
            }

            int total = members.size() * PER_SENDER;
            for (int c = 0; c < clients.size(); c++) {
                long self = members.get(c).id();
                Set<Long> seqs = new HashSet<>();
                long previousOfOthers = 0;
                for (int n = 0; n < total; n++) {
                    JsonNode message = clients.get(c).await("new_message").get("message");
                    long seq = message.get("seq").asLong();
                    assertTrue(seqs.add(seq), "no message twice");
                    if (message.get("sender_id").asLong() != self) {
                        // One's own confirmation comes straight back and may overtake (docs/protocol.md).
                        assertTrue(seq > previousOfOthers, "others' messages arrive in seq order");
                        previousOfOthers = seq;
                    }
                }
                assertEquals(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()), seqs,
                        "every member gets every message");
            }
            for (int i = 0; i < PER_SENDER; i++) {
                assertEquals("forbidden", out.await("error").get("code").asText());
            }
            List<Row> rows = db.query("SELECT seq, sender_id, content FROM messages WHERE conversation_id = $1 "
                    + "ORDER BY seq", chat);
            assertEquals(total, rows.size(), "the outsider stored nothing");
            Map<Long, Integer> nextOfSender = new HashMap<>();
            for (int n = 0; n < rows.size(); n++) {
                Row row = rows.get(n);
                assertEquals(n + 1, row.getLong("seq"), "seqs are 1..n without gaps");
                int index = Integer.parseInt(row.getString("content").split(":")[1]);
                int expected = nextOfSender.merge(row.getLong("sender_id"), 1, Integer::sum) - 1;
                assertEquals(expected, index, "each sender's messages are numbered in the order sent");
            }
            assertEquals(total, db.count("SELECT last_seq FROM conversations WHERE id = $1", chat));
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    @Test
    void theSameClientMsgIdFromTwoConnectionsAtOnceIsStoredOnce() {
        long chat = createGroup();
        TestUser mentor = members.getFirst();
        try (ChatClient phone = ChatClient.connect(base, mentor.token());
             ChatClient laptop = ChatClient.connect(base, mentor.token())) {
            for (int i = 0; i < 10; i++) {
                Map<String, Object> frame = Map.of("type", "message", "chat_id", chat, "content", "twice " + i,
                        "client_msg_id", "dup-" + i);
                phone.send(frame);
                laptop.send(frame);
            }
            for (int i = 0; i < 10; i++) {
                String clientMsgId = "dup-" + i;
                JsonNode fromPhone = phone.await("new_message",
                        f -> clientMsgId.equals(f.get("message").path("client_msg_id").asText())).get("message");
                JsonNode fromLaptop = laptop.await("new_message",
                        f -> clientMsgId.equals(f.get("message").path("client_msg_id").asText())).get("message");
                assertEquals(fromPhone.get("id"), fromLaptop.get("id"), "both sends answer with the one message");
            }
            assertEquals(10, db.count("SELECT count(*) FROM messages WHERE conversation_id = $1", chat));
            assertEquals(10, db.count("SELECT max(seq) FROM messages WHERE conversation_id = $1", chat),
                    "no seq was spent on a duplicate");
        }
    }
}
