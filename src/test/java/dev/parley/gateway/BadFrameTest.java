package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad frame gets an error frame with a stable code, and the connection stays usable. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadFrameTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    TestUser sender = TestUser.fresh("sender");
    TestUser peer = TestUser.fresh("peer");
    ChatClient client;
    ChatClient peerClient;

    @BeforeAll
    void connect() {
        peerClient = ChatClient.connect(base, peer.token());
        client = ChatClient.connect(base, sender.token());
    }

    @AfterAll
    void disconnect() {
        client.close();
        peerClient.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                  | invalid_json",
            "{\"type\":\"message\"                                     | invalid_json",
            "[1,2]                                                     | invalid_json",
            "\"message\"                                               | invalid_json",
            "{\"recipient_id\":1,\"content\":\"x\"}                    | missing_field",
            "{\"type\":\"shout\"}                                      | unknown_type",
            "{\"type\":42}                                             | unknown_type",
            "{\"type\":\"message\",\"content\":\"x\"}                  | missing_field",
            "{\"type\":\"message\",\"recipient_id\":PEER}              | missing_field",
            "{\"type\":\"message\",\"recipient_id\":\"PEER\",\"content\":\"x\"} | invalid_field",
            "{\"type\":\"message\",\"recipient_id\":1.5,\"content\":\"x\"}  | invalid_field",
            "{\"type\":\"message\",\"recipient_id\":null,\"content\":\"x\"} | missing_field",
            "{\"type\":\"message\",\"recipient_id\":{},\"content\":\"x\"}   | invalid_field",
            "{\"type\":\"message\",\"recipient_id\":PEER,\"content\":5}     | invalid_field",
            "{\"type\":\"message\",\"recipient_id\":PEER,\"content\":\"\"}  | empty_content",
            "{\"type\":\"message\",\"recipient_id\":PEER,\"content\":\" \\n\\t \"} | empty_content",
            "{\"type\":\"message\",\"recipient_id\":PEER,\"content\":\"x\",\"client_msg_id\":\"\"} | invalid_field",
            "{\"type\":\"message\",\"recipient_id\":999999999999999,\"content\":\"x\"} | unknown_recipient",
            "{\"type\":\"message\",\"recipient_id\":SELF,\"content\":\"x\"} | invalid_recipient",
            "{\"type\":\"typing\"}                                     | missing_field",
            "{\"type\":\"typing\",\"recipient_id\":PEER,\"is_typing\":\"yes\"} | invalid_field",
            "{\"type\":\"read\"}                                       | missing_field",
            "{\"type\":\"read\",\"message_id\":\"7\"}                  | invalid_field",
            "{\"type\":\"read\",\"message_id\":999999999999999}        | not_found",
    })
    void badFrameGetsAnErrorFrameAndTheConnectionStaysOpen(String frame, String code) {
        long stored = storedBySender();
        client.send(frame.replace("PEER", String.valueOf(peer.id())).replace("SELF", String.valueOf(sender.id())));

        JsonNode error = client.await("error");
        assertEquals(code, error.get("code").asText(), error.toString());
        assertFalse(error.get("message").asText().isBlank());
        assertTrue(error.has("timestamp"));
        client.roundTrip();
        assertTrue(client.isOpen());
        assertEquals(stored, storedBySender(), "a refused frame stores nothing");
    }

    private long storedBySender() {
        return db.count("SELECT count(*) FROM messages WHERE sender_id = $1", sender.id());
    }

    @ParameterizedTest
    @CsvSource({"4000, message", "4001, error"})
    void contentIsLimitedTo4000Characters(int length, String outcome) {
        client.send("{\"type\":\"message\",\"recipient_id\":" + peer.id() + ",\"content\":\"" + "é".repeat(length) + "\"}");
        JsonNode reply = client.await(frame -> frame.path("type").asText().matches("message|error"));
        assertEquals(outcome, reply.get("type").asText());
        if (outcome.equals("error")) {
            assertEquals("content_too_long", reply.get("code").asText());
        }
    }

    static Stream<Arguments> contentCleanUp() {
        return Stream.of(
                Arguments.of("  padded  ", "padded"),
                Arguments.of("a\u0000b\u0007c\u001b", "abc"),
                Arguments.of("line1\nline2\tend", "line1\nline2\tend"),
                Arguments.of("<script>alert(1)</script>", "<script>alert(1)</script>"),
                Arguments.of("e\u0301", "\u00e9"));
    }

    @ParameterizedTest
    @MethodSource("contentCleanUp")
    void contentIsStoredAsCleanPlainText(String sent, String stored) {
        client.send(Map.of("type", "message", "recipient_id", peer.id(), "content", sent));
        JsonNode received = peerClient.await("message", frame -> frame.get("content").asText().equals(stored));
        JsonNode confirmed = client.await("message", frame -> frame.get("content").asText().equals(stored));
        assertEquals(received.get("id"), confirmed.get("id"));
    }
}
