package dev.parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.support.OwnRedis;
import dev.parley.support.ParleyProcess;
import dev.parley.support.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged replicas deliver from one outbox: with small batches and quick polls
 * they claim side by side all the time, and still every event arrives exactly once.
 * The database is the webhook tests' own ({@code parley.test.webhooks-db}, default
 * {@code parley_test_webhooks}), so other work's events never reach this receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = System.getProperty("parley.test.webhooks-db", "parley_test_webhooks");
    private static final int RECIPIENTS = 20;
    private static final int MESSAGES = 60;

    WebhookReceiver receiver;
    OwnRedis redis;
    ParleyProcess a;
    ParleyProcess b;

    @BeforeAll
    void start() {
        receiver = new WebhookReceiver();
        Map<String, String> settings = new HashMap<>(receiver.start());
        settings.putAll(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + DATABASE,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "parley.cluster.mode", "redis",
                "parley.limits.messages-per-minute", "60000",
                "parley.limits.message-burst", "1000",
                "parley.webhooks.unread-delay", "0",
                "parley.webhooks.batch-size", "5",
                "parley.webhooks.poll-interval", "20ms"));
        redis = OwnRedis.launch();
        settings.put("quarkus.redis.hosts", redis.url());
        a = ParleyProcess.start(18381, settings);
        b = ParleyProcess.start(18382, settings);
    }

    @AfterAll
    void stop() throws Exception {
        OwnRedis ownRedis = redis;
        ParleyProcess replicaA = a;
        ParleyProcess replicaB = b;
        try (ownRedis; replicaA; replicaB) {
            receiver.stop();
        }
    }

    @Test
    void manyEventsFromTwoReplicasArriveExactlyOnceEach() throws Exception {
        String admin = TestUser.fresh("admin").token("admin");
        TestUser sender = TestUser.fresh("sender");
        List<Long> recipients = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            TestUser recipient = TestUser.fresh("away");
            put(a, "/api/v1/users/" + recipient.id(), Map.of("username", recipient.username()), admin, 200);
            recipients.add(recipient.id());
        }
        long chat = JSON.readTree(post(a, "/api/v1/chats", Map.of("name", "Everyone away", "member_ids", recipients),
                sender.token(), 201)).get("id").asLong();

        Set<Long> messages = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            ParleyProcess replica = i % 2 == 0 ? a : b;
            messages.add(JSON.readTree(post(replica, "/api/v1/chats/" + chat + "/messages", Map.of("content", "m" + i),
                    sender.token(), 201)).get("id").asLong());
        }

        int expected = MESSAGES * RECIPIENTS;
        await().atMost(Duration.ofSeconds(90)).until(() -> ours(messages).size() >= expected);
        await().atMost(Duration.ofSeconds(30)).until(() -> left(messages) == 0);

        List<JsonNode> events = ours(messages);
        Map<String, Long> perId = events.stream().collect(Collectors.groupingBy(e -> e.get("id").asText(), Collectors.counting()));
        Map<String, Long> twice = perId.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), twice, "event ids received more than once");
        assertEquals(expected, perId.size(), "one event per message and recipient");
        Set<String> pairs = events.stream().map(e -> e.get("data").get("message_id").asText() + "/"
                + e.get("data").get("user_id").asText()).collect(Collectors.toSet());
        assertEquals(expected, pairs.size(), "every recipient of every message");
        double sentByA = sent(a, admin);
        double sentByB = sent(b, admin);
        assertTrue(sentByA > 0 && sentByB > 0, "both replicas delivered: " + sentByA + " and " + sentByB);
    }

    private List<JsonNode> ours(Set<Long> messages) {
        return receiver.all().stream().map(WebhookReceiver.Received::event)
                .filter(event -> messages.contains(event.get("data").get("message_id").asLong())).toList();
    }

    /** Events of these messages still in the outbox. */
    private static long left(Set<Long> messages) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "parley", "parley");
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM webhook_events WHERE message_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("bigint", messages.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static double sent(ParleyProcess replica, String token) {
        Matcher match = Pattern.compile("(?m)^parley_webhook_events_sent_total(?:\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(replica.get("/q/metrics", token).body());
        return match.find() ? Double.parseDouble(match.group(1)) : 0;
    }

    private static String post(ParleyProcess replica, String path, Object body, String token, int status) throws Exception {
        return send(replica, path, "POST", body, token, status);
    }

    private static String put(ParleyProcess replica, String path, Object body, String token, int status) throws Exception {
        return send(replica, path, "PUT", body, token, status);
    }

    private static String send(ParleyProcess replica, String path, String method, Object body, String token, int status)
            throws Exception {
        var response = replica.send(HttpRequest.newBuilder(replica.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
        assertEquals(status, response.statusCode(), response.body());
        return response.body();
    }
}
