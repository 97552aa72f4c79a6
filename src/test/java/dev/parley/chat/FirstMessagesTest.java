package dev.parley.chat;

import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * First messages of many new direct chats at once share batches
 * ({@link DirectChatOpener}): each pair still gets exactly one conversation with
 * its two members, even when both of them write first at the same moment.
 */
@QuarkusTest
class FirstMessagesTest {

    static final int PAIRS = 20;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    @Inject
    DirectChatOpener opener;

    @Test
    void bothSidesWritingFirstAtOnceShareOneChat() {
        List<TestUser> left = new ArrayList<>();
        List<TestUser> right = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            left.add(TestUser.fresh("first-l" + i));
            right.add(TestUser.fresh("first-r" + i));
        }
        List<ChatClient> lefts = new ArrayList<>();
        List<ChatClient> rights = new ArrayList<>();
        try {
            for (int i = 0; i < PAIRS; i++) {
                lefts.add(ChatClient.connect(base, left.get(i).token()));
                rights.add(ChatClient.connect(base, right.get(i).token()));
            }
            for (int i = 0; i < PAIRS; i++) {
                lefts.get(i).send(Map.of("type", "message", "recipient_id", right.get(i).id(), "content", "hi " + i));
                rights.get(i).send(Map.of("type", "message", "recipient_id", left.get(i).id(), "content", "hey " + i));
            }
            for (int i = 0; i < PAIRS; i++) {
                long leftId = left.get(i).id();
                long rightId = right.get(i).id();
                long fromRight = rights.get(i).await("message", f -> f.get("sender_id").asLong() == leftId)
                        .get("chat_id").asLong();
                long fromLeft = lefts.get(i).await("message", f -> f.get("sender_id").asLong() == rightId)
                        .get("chat_id").asLong();
                assertEquals(fromRight, fromLeft, "pair " + i + " talks in one chat");
                assertEquals(1, db.count("SELECT count(*) FROM conversations WHERE direct_key = $1",
                        Conversation.directKey(leftId, rightId)));
                assertEquals(2, db.count("SELECT count(*) FROM members WHERE conversation_id = $1", fromLeft));
                assertEquals(2, db.count("SELECT count(*) FROM messages WHERE conversation_id = $1", fromLeft));
            }
        } finally {
            lefts.forEach(ChatClient::close);
            rights.forEach(ChatClient::close);
        }
    }

    @Test
    void pairsThatMayNotTalkGetNoChat() {
        TestUser alice = TestUser.fresh("opener-alice").registered();
        TestUser bob = TestUser.fresh("opener-bob").registered();
        TestUser carol = TestUser.fresh("opener-carol").registered();
        given().auth().oauth2(bob.token()).put("/api/v1/blocks/{id}", alice.id()).then().statusCode(204);

        Long blocked = open(alice, bob.id());
        Long unknown = open(alice, TestUser.fresh("opener-nobody").id());
        Long allowed = open(alice, carol.id());

        assertNull(blocked, "a block stops the chat being made");
        assertNull(unknown, "no chat with a user who does not exist");
        assertNotNull(allowed);
        assertEquals(allowed, open(carol, alice.id()), "either side finds the same chat");
        assertEquals(0, db.count("SELECT count(*) FROM conversations WHERE direct_key = $1",
                Conversation.directKey(alice.id(), bob.id())));
    }

    private Long open(TestUser from, long to) {
        return opener.open(from.id(), to).await().atMost(Duration.ofSeconds(10));
    }
}
