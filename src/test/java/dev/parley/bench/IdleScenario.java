package dev.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Scenario 1: N authenticated connections that only stay open, opened by
 * several generator processes over several source addresses. Heap after GC per
 * connection is the live heap with them minus before them, over N.
 */
final class IdleScenario {

    private static final double TARGET_HEAP_BYTES = 10 * 1024;
    private static final int TARGET_CONNECTIONS = 15_000;
    private static final double TARGET_HANDSHAKES_PER_SECOND = 2000;
    private static final Duration OPENING = Duration.ofMinutes(10);

    private IdleScenario() {
    }

    static void run(BenchConfig config, BenchService service, Report report) throws Exception {
        int total = config.idleConnections();
        int agents = config.agents();
        int addressesEach = Math.max(1, config.sourceAddresses() / agents);
        System.out.printf("[bench] idle: %d connections from %d generator processes over %d source addresses%n",
                total, agents, addressesEach * agents);
        awaitConnections(service, 0);
        Map<String, Long> classesBefore = service.liveBytesByClass();
        long heapBefore = service.liveHeapBytes();
        long rssBefore = service.rssKiB();
        List<AgentProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < agents; i++) {
                int count = total / agents + (i < total % agents ? 1 : 0);
                started.add(AgentProcess.start(List.of(String.valueOf(config.port()), String.valueOf(count),
                        String.valueOf(1 + i * addressesEach), String.valueOf(addressesEach),
                        String.valueOf(Math.max(1, config.handshakeConcurrency() / agents)))));
            }
            for (AgentProcess agent : started) {
                agent.await("minted", OPENING);
            }
            long start = System.nanoTime();
            started.forEach(agent -> agent.send("go"));
            for (AgentProcess agent : started) {
                agent.await("ready", OPENING);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitConnections(service, total);
            long heapAfter = service.liveHeapBytes();
            long rssAfter = service.rssKiB();
            Map<String, Long> classesAfter = service.liveBytesByClass();
            Map<String, Double> perConnection = new LinkedHashMap<>();
            classesAfter.entrySet().stream()
                    .map(entry -> Map.entry(entry.getKey(), (entry.getValue() - classesBefore.getOrDefault(entry.getKey(), 0L))
                            / (double) total))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(30)
                    .forEach(entry -> perConnection.put(entry.getKey(), Math.round(entry.getValue() * 10) / 10.0));
            long open = 0;
            for (AgentProcess agent : started) {
                agent.send("count");
                open += Long.parseLong(agent.await("open", Duration.ofSeconds(30)));
            }
            double heapEach = (heapAfter - heapBefore) / (double) total;
            double rssEach = (rssAfter - rssBefore) * 1024.0 / total;
            String name = "idle";
            report.row(name, "connections held (service gauge / generator view)",
                    String.format("%.0f / %d", service.metric("ws_active_connections"), open),
                    "15,000 on one instance", open >= TARGET_CONNECTIONS && open == total);
            report.row(name, "handshake rate (" + config.handshakeConcurrency() + " in flight)",
                    String.format("%.0f /s", total / seconds), "≥ 2,000 /s", total / seconds >= TARGET_HANDSHAKES_PER_SECOND);
            report.row(name, "heap after GC per connection (token in the " + (BenchUser.IN_HEADER ? "header" : "query") + ")",
                    String.format("%.1f KiB", heapEach / 1024),
                    "≤ 10 KB", heapEach <= TARGET_HEAP_BYTES);
            report.row(name, "RSS per connection", String.format("%.1f KiB", rssEach / 1024));
            report.row(name, "live heap before / after; RSS after",
                    String.format("%.0f / %.0f MiB; %.0f MiB", heapBefore / 1048576.0, heapAfter / 1048576.0, rssAfter / 1024.0));
            report.put("idle", Map.of("connections", total, "open", open, "agents", agents,
                    "source_addresses", addressesEach * agents, "handshakes_per_s", total / seconds,
                    "heap_before_bytes", heapBefore, "heap_after_bytes", heapAfter, "heap_bytes_per_connection", heapEach,
                    "rss_bytes_per_connection", rssEach, "bytes_per_connection_by_class", perConnection));
        } finally {
            for (AgentProcess agent : started) {
                agent.close();
            }
        }
        awaitConnections(service, 0);
    }

    /** Waits until the service counts exactly {@code expected} open connections. */
    static void awaitConnections(BenchService service, int expected) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> service.metric("ws_active_connections") == expected);
    }
}
