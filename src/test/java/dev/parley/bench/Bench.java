package dev.parley.bench;

import dev.parley.support.ParleyProcess;
import dev.parley.support.TestUser;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Parley's load generator (issue 8; in the test sources, so it never ships).
 * Starts the packaged service with the test key and limits raised for load,
 * then runs bounded scenarios and writes target/bench/results.md and .json:
 * start-up, idle connections, and open-loop 1:1 messaging where latency runs
 * from each message's scheduled send time to its receipt (coordinated omission
 * cannot hide queueing). Run it with {@code ./parley bench}.
 */
public final class Bench {

    private static final int PORT = 18400;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> LOAD_SETTINGS = Map.of(
            "parley.limits.messages-per-minute", "10000000", "parley.limits.message-burst", "100000",
            "parley.limits.frames-per-second", "100000", "parley.limits.frame-burst", "100000",
            "parley.limits.handshakes-per-minute", "10000000", "parley.limits.handshake-burst", "100000",
            "quarkus.log.category.\"dev.parley\".level", "WARN");

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    public static void main(String[] args) throws Exception {
        // Tokens are signed with the test key, which the benchmarked service is started to verify.
        System.setProperty("smallrye.jwt.sign.key.location", "test-keys/private.pem");
        int idle = Integer.parseInt(System.getProperty("bench.idle", "2000"));
        int pairs = Integer.parseInt(System.getProperty("bench.pairs", "100"));
        int[] rates = Arrays.stream(System.getProperty("bench.rates", "500,1000,2000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "10"));
        new Bench().run(idle, pairs, rates, seconds);
    }

    private void run(int idle, int pairs, int[] rates, int seconds) throws Exception {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "at", Instant.now().toString()));
        table.append("| Scenario | Figure | Value |\n|---|---|---|\n");
        long started = System.nanoTime();
        try (ParleyProcess parley = ParleyProcess.start(PORT, LOAD_SETTINGS)) {
            double readyMs = (System.nanoTime() - started) / 1e6;
            long rssReady = rssKiB(parley.pid());
            row("start-up", "process start to ready (JVM, includes launching the JVM)", String.format("%.0f ms", readyMs));
            row("start-up", "RSS when ready", rssReady / 1024 + " MiB");
            results.put("startup", Map.of("ready_ms", readyMs, "rss_kib", rssReady));
            idleConnections(parley, idle);
            for (int rate : rates) {
                direct(parley, pairs, rate, seconds);
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("results.md"), table);
        Files.writeString(dir.resolve("results.json"), Json.of(results));
        System.out.println(table);
        System.out.println("Written to " + dir.toAbsolutePath());
    }

    /** Scenario 1: N idle authenticated connections; RSS per connection. */
    private void idleConnections(ParleyProcess parley, int count) throws Exception {
        long before = rssKiB(parley.pid());
        long start = System.nanoTime();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(Client.open(parley, TestUser.fresh("idle")));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = rssKiB(parley.pid());
        row("idle", "connections held", String.valueOf(count));
        row("idle", "handshake rate (sequential, one client)", String.format("%.0f /s", count / seconds));
        row("idle", "RSS growth per connection", String.format("%.1f KiB", (after - before) / (double) count));
        results.put("idle", Map.of("connections", count, "handshakes_per_s", count / seconds,
                "rss_kib_per_connection", (after - before) / (double) count));
        clients.forEach(Client::close);
    }

    /** Scenario 2: pairs exchange messages at a fixed total rate, open loop, every message persisted. */
    private void direct(ParleyProcess parley, int pairs, int rate, int seconds) throws Exception {
        List<Client> senders = new ArrayList<>();
        List<Client> receivers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            receivers.add(Client.open(parley, TestUser.fresh("rcv")));
            senders.add(Client.open(parley, TestUser.fresh("snd")));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        receivers.forEach(receiver -> receiver.onMessage = latencies::add);
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long origin = System.nanoTime() + 200_000_000L;
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        for (long i = 0; i < total; i++) {
            long scheduled = origin + i * intervalNanos;
            int pair = (int) (i % pairs);
            clock.schedule(() -> {
                senders.get(pair).send("{\"type\":\"message\",\"recipient_id\":" + receivers.get(pair).userId
                        + ",\"content\":\"t" + scheduled + "\"}");
                sent.incrementAndGet();
            }, scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (latencies.size() < sent.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L); // the service shares these cores: do not spin
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String name = "1:1 at " + rate + "/s";
        row(name, "delivered / sent", sorted.length + " / " + sent.get());
        row(name, "latency p50 / p95 / p99 / p99.9", String.format("%.1f / %.1f / %.1f / %.1f ms",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sorted, 99.9)));
        results.put("direct_" + rate, Map.of("rate", rate, "pairs", pairs, "seconds", seconds, "sent", sent.get(),
                "delivered", sorted.length, "p50_ms", pct(sorted, 50), "p95_ms", pct(sorted, 95),
                "p99_ms", pct(sorted, 99), "p999_ms", pct(sorted, 99.9)));
        senders.forEach(Client::close);
        receivers.forEach(Client::close);
    }

    private static double pct(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private void row(String scenario, String figure, String value) {
        table.append("| ").append(scenario).append(" | ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static long rssKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    /** A WebSocket client that only counts what it needs: latency of received messages. */
    private static final class Client implements WebSocket.Listener {
        final long userId;
        volatile java.util.function.LongConsumer onMessage = latency -> { };
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> connected = new CompletableFuture<>();
        private WebSocket socket;

        private Client(long userId) {
            this.userId = userId;
        }

        static Client open(ParleyProcess parley, TestUser user) {
            Client client = new Client(user.id());
            client.socket = HTTP.newWebSocketBuilder().buildAsync(parley.chatUri(user.token()), client)
                    .orTimeout(30, TimeUnit.SECONDS).join();
            client.connected.orTimeout(30, TimeUnit.SECONDS).join();
            return client;
        }

        void send(String frame) {
            synchronized (this) { // one send at a time per socket, as the JDK client requires
                socket.sendText(frame, true).join();
            }
        }

        void close() {
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.startsWith("{\"type\":\"connected\"")) {
                    connected.complete(null);
                } else if (frame.startsWith("{\"type\":\"message\"")) {
                    int at = frame.indexOf("\"content\":\"t");
                    if (at >= 0) {
                        long scheduled = Long.parseLong(frame.substring(at + 12, frame.indexOf('"', at + 12)));
                        onMessage.accept(System.nanoTime() - scheduled);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Just enough JSON for the results file. */
    private static final class Json {
        static String of(Object value) {
            if (value instanceof Map<?, ?> map) {
                StringBuilder json = new StringBuilder("{");
                map.forEach((key, item) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                        .append("\":").append(of(item)));
                return json.append('}').toString();
            }
            if (value instanceof Number number) {
                double d = number.doubleValue();
                return Double.isNaN(d) ? "null" : number.toString();
            }
            return "\"" + value + "\"";
        }
    }
}
