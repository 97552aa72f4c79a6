package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.support.OwnRedis;
import dev.parley.support.ParleyProcess;
import dev.parley.support.TcpProxy;
import dev.parley.support.TestUser;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged service on one PostgreSQL and one Redis: users on
 * different replicas must not be able to tell. The Redis is the test's own and the
 * replicas reach PostgreSQL through a proxy, so the outage tests stop that Redis and
 * cut that proxy and never stop or reconfigure a server of the machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT_A = 18281;
    private static final int PORT_B = 18282;

    OwnRedis redis;
    TcpProxy postgres;
    ParleyProcess a;
    ParleyProcess b;

    @BeforeAll
    void startReplicas() {
        redis = OwnRedis.launch();
        postgres = new TcpProxy("127.0.0.1", 5432);
        a = replica(PORT_A);
        b = replica(PORT_B);
    }

    /** The replicas first, then the proxy and the Redis they use; each is closed even if closing another fails. */
    @AfterAll
    void stopReplicas() throws Exception {
        OwnRedis ownRedis = redis;
        TcpProxy proxy = postgres;
        ParleyProcess replicaA = a;
        ParleyProcess replicaB = b;
        try (ownRedis; proxy; replicaA; replicaB) {
            // try-with-resources closes them in reverse order and skips any never started
        }
    }

    /** A replica on this class's own Redis that reaches PostgreSQL through the proxy. */
    private ParleyProcess replica(int port) {
        String database = "//127.0.0.1:" + postgres.port() + "/parley_test";
        return ParleyProcess.start(port, Map.of(
                "quarkus.redis.hosts", redis.url(),
                "quarkus.datasource.reactive.url", "postgresql:" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql:" + database,
                "parley.cluster.mode", "redis"));
    }

    @Test
    void usersOnDifferentReplicasChatAsOnOne() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (WsClient onA = WsClient.connect(a.chatUri(alice.token()));
             WsClient onB = WsClient.connect(b.chatUri(bob.token()))) {
            onA.send(Map.of("type", "typing", "recipient_id", bob.id()));
            assertEquals(alice.id(), onB.await("typing").get("user_id").asLong());

            onA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "across"));
            JsonNode received = onB.await("message");
            assertEquals("across", received.get("content").asText());
            assertEquals(received.get("id"), onA.await("message").get("id"));
            assertEquals(bob.id(), onA.await("delivered").get("user_id").asLong());

            onB.send(Map.of("type", "read", "message_id", received.get("id").asLong()));
            assertEquals(bob.id(), onA.await("read").get("reader_id").asLong());

            for (ParleyProcess replica : List.of(a, b)) {
                JsonNode online = JSON.readTree(replica.get("/api/v1/ws/online-users", alice.token()).body());
                List<Long> ids = new ArrayList<>();
                online.get("online_users").forEach(id -> ids.add(id.asLong()));
                assertTrue(ids.containsAll(List.of(alice.id(), bob.id())), "both replicas list both users: " + ids);
            }
        }
    }

    @Test
    void roomsSpanReplicas() {
        String room = "span-" + System.nanoTime();
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (WsClient onA = WsClient.connect(a.roomUri(room, alice.token()));
             WsClient onB = WsClient.connect(b.roomUri(room, bob.token()))) {
            assertEquals(bob.id(), onA.await("user_joined").get("user_id").asLong());
            onB.send(Map.of("type", "message", "content", "hello from B"));
            assertEquals("hello from B", onA.await("new_message").get("message").get("content").asText());
        }
    }

    @Test
    void simultaneousSendersOnTwoReplicasAreSeenInSeqOrderEverywhere() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        TestUser carol = TestUser.fresh("carol");
        try (WsClient aliceOnA = WsClient.connect(a.chatUri(alice.token()));
             WsClient bobOnB = WsClient.connect(b.chatUri(bob.token()));
             WsClient carolOnA = WsClient.connect(a.chatUri(carol.token()));
             WsClient carolOnB = WsClient.connect(b.chatUri(carol.token()))) {
            var created = a.send(HttpRequest.newBuilder(a.baseUri().resolve("/api/v1/chats"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("name", "race", "member_ids", List.of(bob.id(), carol.id()))))), alice.token());
            assertEquals(201, created.statusCode(), created.body());
            long chat = JSON.readTree(created.body()).get("id").asLong();

            int each = 20; // the default burst of the message rate limit
            CompletableFuture<Void> fromA = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) {
                    aliceOnA.send(Map.of("type", "message", "chat_id", chat, "content", "a" + i));
                }
            });
            CompletableFuture<Void> fromB = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) {
                    bobOnB.send(Map.of("type", "message", "chat_id", chat, "content", "b" + i));
                }
            });
            CompletableFuture.allOf(fromA, fromB).join();

            for (WsClient carol2 : List.of(carolOnA, carolOnB)) {
                for (long seq = 1; seq <= 2L * each; seq++) {
                    assertEquals(seq, carol2.await("new_message").get("message").get("seq").asLong(),
                            "gap-free, strictly increasing, no duplicates");
                }
            }
        }
    }

    @Test
    void aRetryOnTheOtherReplicaReturnsTheOriginal() {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (WsClient bobOnB = WsClient.connect(b.chatUri(bob.token()))) {
            Map<String, Object> frame = Map.of("type", "message", "recipient_id", bob.id(), "content", "once",
                    "client_msg_id", "retry-" + alice.id());
            long first;
            try (WsClient onA = WsClient.connect(a.chatUri(alice.token()))) {
                onA.send(frame);
                first = onA.await("message").get("id").asLong();
            }
            try (WsClient onB = WsClient.connect(b.chatUri(alice.token()))) {
                onB.send(frame);
                assertEquals(first, onB.await("message").get("id").asLong());
            }
            bobOnB.await("message");
            bobOnB.roundTrip();
            assertTrue(bobOnB.pending("message").isEmpty(), "bob got the message once");
        }
    }

    @Test
    void theMessageLimitHoldsAcrossReplicas() {
        TestUser spammer = TestUser.fresh("spammer");
        TestUser target = TestUser.fresh("target");
        try (WsClient onA = WsClient.connect(a.chatUri(spammer.token()));
             WsClient onB = WsClient.connect(b.chatUri(spammer.token()));
             WsClient targetOnA = WsClient.connect(a.chatUri(target.token()))) {
            for (int i = 0; i < 30; i++) {
                (i % 2 == 0 ? onA : onB).send(Map.of("type", "message", "recipient_id", target.id(), "content", "s" + i));
            }
            onA.roundTrip();
            onB.roundTrip();
            int refused = onA.pending("error").size() + onB.pending("error").size();
            assertTrue(refused >= 5, "a burst of 20 for both replicas together, not 20 each: " + refused + " refused");
        }
    }

    @Test
    void aClientThatReconnectsToTheOtherReplicaRecoversWhatItMissed() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (WsClient aliceOnA = WsClient.connect(a.chatUri(alice.token()))) {
            long chat;
            long first;
            try (WsClient bobOnB = WsClient.connect(b.chatUri(bob.token()))) {
                aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "seen"));
                aliceOnA.await("message");
                JsonNode seen = bobOnB.await("message");
                chat = seen.get("chat_id").asLong();
                first = seen.get("id").asLong();
            }
            aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "missed"));
            aliceOnA.await("message");
            var edit = a.send(HttpRequest.newBuilder(a.baseUri().resolve("/api/v1/messages/" + first))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"content\":\"seen, edited\"}")), alice.token());
            assertEquals(200, edit.statusCode(), edit.body());

            try (WsClient bobOnA = WsClient.connect(a.chatUri(bob.token()))) {
                bobOnA.send(Map.of("type", "sync", "chats", Map.of(String.valueOf(chat), 1)));
                assertEquals("missed", bobOnA.await("message").get("content").asText());
                assertEquals("seen, edited", bobOnA.await("message_updated").get("content").asText());
                assertTrue(bobOnA.await("synced").get("recovered").asBoolean());
            }
        }
    }

    @Test
    void redisOutageNeitherLosesNorBlocksSendsAndHealsByItself() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (WsClient aliceOnA = WsClient.connect(a.chatUri(alice.token()));
             WsClient bobOnB = WsClient.connect(b.chatUri(bob.token()))) {
            aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "before"));
            long chat = bobOnB.await("message").get("chat_id").asLong();
            aliceOnA.await("message");
            try {
                redis.stop();
                aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "during"));
                JsonNode confirmed = aliceOnA.await("message");
                assertEquals("during", confirmed.get("content").asText(), "committed and confirmed without Redis");
                await().atMost(Duration.ofSeconds(20)).until(() -> a.status("/q/health/ready") == 503);
            } finally {
                redis.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> a.status("/q/health/ready") == 200
                    && b.status("/q/health/ready") == 200);
            // Ready again means subscribed again: what is published after that is live, without a retry.
            // Typing is published at once (a message of a conversation whose order state Redis lost
            // waits for the gap timeout, which could hide a late subscription).
            aliceOnA.send(Map.of("type", "typing", "recipient_id", bob.id()));
            assertEquals(alice.id(), bobOnB.await("typing").get("user_id").asLong(), "live right after readiness");
            aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "after"));
            aliceOnA.await("message");
            assertEquals("after", bobOnB.await("message", frame -> frame.get("content").asText().equals("after"))
                    .get("content").asText());
            bobOnB.send(Map.of("type", "sync", "chats", Map.of(String.valueOf(chat), 1)));
            assertEquals("during", bobOnB.await("message", frame -> frame.get("seq").asLong() == 2)
                    .get("content").asText(), "recovery fills what live delivery missed");
        }
    }

    @Test
    void aDatabaseOutageRefusesSendsClearlyAndHealsByItself() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        try (WsClient aliceOnA = WsClient.connect(a.chatUri(alice.token()));
             WsClient bobOnB = WsClient.connect(b.chatUri(bob.token()))) {
            try {
                postgres.cut();
                aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "lost?"));
                JsonNode refused = aliceOnA.await("error");
                assertEquals("unavailable", refused.get("code").asText());
                await().atMost(Duration.ofSeconds(20)).until(() -> a.status("/q/health/ready") == 503);
                String refusal = Handshake.raw(a.baseUri(), "/ws/chat?token=" + TestUser.fresh("carol").token());
                assertTrue(refusal.startsWith("HTTP/1.1 503"), "a handshake during the outage: " + refusal);
                assertTrue(refusal.contains("\"code\":\"unavailable\""), "with the JSON error body: " + refusal);
                assertTrue(a.get("/q/metrics", alice.token()).body()
                        .contains("parley_rejected_handshakes_total{reason=\"unavailable\"}"), "counted by reason");
                aliceOnA.roundTrip();
                assertTrue(aliceOnA.pending("message").isEmpty(), "nothing was confirmed");
            } finally {
                postgres.restore();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                aliceOnA.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "back"));
                assertEquals("message", aliceOnA.await(frame -> frame.path("type").asText().matches("message|error"))
                        .get("type").asText());
            });
            assertEquals("back", bobOnB.await("message").get("content").asText());
            await().atMost(Duration.ofSeconds(30)).until(() -> a.status("/q/health/ready") == 200);
        }
    }

    @Test
    void aKilledReplicaLeavesNoGhosts() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        ParleyProcess doomed = replica(18283);
        try (WsClient aliceOnA = WsClient.connect(a.chatUri(alice.token()))) {
            WsClient bobOnDoomed = WsClient.connect(doomed.chatUri(bob.token()));
            bobOnDoomed.send(Map.of("type", "message", "recipient_id", alice.id(), "content", "contacts now"));
            aliceOnA.await("message");
            long killedAt = System.nanoTime();
            doomed.kill();

            JsonNode offline = aliceOnA.await("user_offline", frame -> frame.get("user_id").asLong() == bob.id(),
                    Duration.ofSeconds(35));
            long seconds = (System.nanoTime() - killedAt) / 1_000_000_000;
            assertTrue(seconds <= 30, "offline within 30 s, took " + seconds + " s");
            assertFalse(offline.get("last_seen").isNull());
            JsonNode online = JSON.readTree(a.get("/api/v1/ws/online-users", alice.token()).body());
            online.get("online_users").forEach(id -> assertFalse(id.asLong() == bob.id(), "no ghost"));
            bobOnDoomed.close();
        } finally {
            doomed.close();
        }
    }

    @Test
    void connectedListsEveryoneWhoConnectedToAnotherReplicaBefore() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestUser first = TestUser.fresh("first");
            TestUser next = TestUser.fresh("next");
            try (WsClient onB = WsClient.connect(b.chatUri(first.token()))) {
                try (WsClient onA = WsClient.connect(a.chatUri(next.token()))) {
                    List<Long> online = new ArrayList<>();
                    onA.connected().get("online_users").forEach(id -> online.add(id.asLong()));
                    assertTrue(online.contains(first.id()), "round " + round + ": " + first.id() + " in " + online);
                }
            }
        }
    }

    @Test
    void deletingAUserClosesTheirConnectionsOnEveryReplica() {
        TestUser doomed = TestUser.fresh("doomed");
        TestUser admin = TestUser.fresh("admin");
        try (WsClient onA = WsClient.connect(a.chatUri(doomed.token()));
             WsClient onB = WsClient.connect(b.chatUri(doomed.token()))) {
            var deleted = a.send(HttpRequest.newBuilder(a.baseUri().resolve("/api/v1/users/" + doomed.id())).DELETE(),
                    admin.token("admin"));
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertEquals(4003, onA.awaitCloseCode());
            assertEquals(4003, onB.awaitCloseCode());
        }
    }

    @Test
    void theConnectionCapHoldsAcrossReplicas() {
        TestUser tabs = TestUser.fresh("tabs");
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) { // the default cap, five on each replica
                open.add(WsClient.connect((i % 2 == 0 ? a : b).chatUri(tabs.token())));
            }
            open.add(WsClient.connect(b.chatUri(tabs.token())));
            assertEquals(4002, open.getFirst().awaitCloseCode(), "the oldest, on the other replica");
            for (WsClient client : open.subList(1, open.size())) {
                client.roundTrip(); // the others stay
            }
        } finally {
            open.forEach(WsClient::close);
        }
    }

    /** Production logs: one JSON object per line; a connection's lines name its user and connection, never its token. */
    @Test
    void productionLogsAreJsonLinesThatNameTheConnection() throws Exception {
        TestUser logged = TestUser.fresh("logged");
        String token = logged.token();
        try (WsClient client = WsClient.connect(a.chatUri(token))) {
            client.roundTrip();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode connected = null;
            for (String line : java.nio.file.Files.readAllLines(a.log())) {
                assertFalse(line.contains(token), "a token in the log");
                if (line.startsWith("{") && line.contains("User " + logged.id() + " connected")) {
                    connected = JSON.readTree(line);
                }
            }
            assertTrue(connected != null, "a JSON line for the connect");
            assertEquals(String.valueOf(logged.id()), connected.path("mdc").path("userId").asText());
            assertFalse(connected.path("mdc").path("connectionId").asText().isEmpty());
        });
    }

    @Test
    void sigtermClosesConnectionsWith1012() {
        TestUser alice = TestUser.fresh("alice");
        ParleyProcess leaving = replica(18284);
        try (WsClient client = WsClient.connect(leaving.chatUri(alice.token()))) {
            leaving.stop();
            assertEquals(1012, client.awaitCloseCode());
        } finally {
            leaving.close();
        }
    }
}
