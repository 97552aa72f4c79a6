package dev.parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests and for trying webhooks out: an HTTP server on a
 * free port that records every request as it arrived (raw body, headers) and
 * answers 200, or 503 to the requests it was told to fail. As a test resource it
 * points the service at itself ({@link #start()}) and is injected into the test's
 * field of this type.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived, with the status it was answered with and when. */
    public record Received(byte[] body, Map<String, List<String>> headers, int status, Instant at) {

        public JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
        }

        public boolean delivered() {
            return status / 100 == 2;
        }
    }

    private record Failures(Predicate<JsonNode> which, AtomicInteger left) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Failures> failures = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return Map.of(
                "parley.webhooks.url", url(),
                "parley.webhooks.secret", SECRET,
                "parley.webhooks.unread-delay", "2s",
                "parley.webhooks.max-attempts", "3",
                "parley.webhooks.backoff-base", "100ms",
                "parley.webhooks.backoff-max", "300ms",
                "parley.webhooks.poll-interval", "100ms",
                "parley.webhooks.request-timeout", "2s",
                "parley.webhooks.lease-time", "5s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(WebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Answers the next {@code count} requests whose event matches with 503. */
    public void failNext(int count, Predicate<JsonNode> which) {
        failures.add(new Failures(which, new AtomicInteger(count)));
    }

    /** Every request so far whose event matches, in order of arrival. */
    public List<Received> received(Predicate<JsonNode> which) {
        return received.stream().filter(request -> which.test(request.event())).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event = JSON.readTree(body);
            boolean fail = failures.stream().anyMatch(failing -> failing.which().test(event)
                    && failing.left().getAndUpdate(left -> Math.max(0, left - 1)) > 0);
            int status = fail ? 503 : 200;
            received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders()), status, Instant.now()));
            exchange.sendResponseHeaders(status, -1);
        }
    }
}
