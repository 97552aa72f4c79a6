package dev.parley.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.support.ParleyProcess;
import dev.parley.support.TestUser;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A confirmed message is in PostgreSQL: it outlives the process that confirmed it. */
class PersistenceIT {

    @Test
    void confirmedMessageSurvivesARestartOfTheService() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        long messageId;
        try (ParleyProcess parley = ParleyProcess.start(18181);
             WsClient a = WsClient.connect(parley.chatUri(alice.token()));
             WsClient b = WsClient.connect(parley.chatUri(bob.token()))) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "remember me"));
            messageId = a.await("message").get("id").asLong();
            b.await("message");
        }

        try (ParleyProcess restarted = ParleyProcess.start(18181)) {
            var response = restarted.get("/api/v1/conversations/" + alice.id() + "/messages", bob.token());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode latest = new ObjectMapper().readTree(response.body()).get("messages").get(0);
            assertEquals(messageId, latest.get("id").asLong());
            assertEquals("remember me", latest.get("content").asText());
        }
    }
}
