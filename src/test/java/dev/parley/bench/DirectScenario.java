package dev.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Scenario 2: pairs of users exchange 1:1 messages at fixed total rates, open
 * loop, every message persisted. Latency runs from a message's scheduled send
 * time to its arrival at the recipient's client.
 */
final class DirectScenario {

    private static final double TARGET_RATE = 5000;
    private static final double TARGET_P99_MS = 30;
    private static final int WARMUP_RATE = 1000;

    private final BenchConfig config;
    private final BenchService service;
    private final LoadClients clients;
    private final Report report;
    private final List<BenchSocket> senders = new ArrayList<>();
    private final List<BenchSocket> receivers = new ArrayList<>();
    private final List<Long> senderIds = new ArrayList<>();
    private volatile Phase phase = new Phase("none", 0);

    private DirectScenario(BenchConfig config, BenchService service, LoadClients clients, Report report) {
        this.config = config;
        this.service = service;
        this.clients = clients;
        this.report = report;
    }

    static void run(BenchConfig config, BenchService service, LoadClients clients, Report report) throws Exception {
        new DirectScenario(config, service, clients, report).run();
    }

    /** What one rate's run counted. */
    private static final class Phase {
        final String name;
        final Latencies latencies;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong confirmed = new AtomicLong();
        final AtomicLong receipts = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        volatile long persisted;
        volatile Map<String, Double> cores = Map.of();

        Phase(String name, long expected) {
            this.name = name;
            this.latencies = new Latencies((int) Math.min(Integer.MAX_VALUE - 8, expected));
        }
    }

    private void run() throws Exception {
        int pairs = config.pairs();
        List<BenchUser> senderUsers = BenchUser.fresh("sender", pairs);
        List<BenchUser> receiverUsers = BenchUser.fresh("receiver", pairs);
        List<LoadClients.Opening> openings = new ArrayList<>();
        receiverUsers.forEach(user -> openings.add(user.chat(this::atReceiver)));
        senderUsers.forEach(user -> openings.add(user.chat(this::atSender)));
        List<BenchSocket> sockets = clients.openAll(openings, config.handshakeConcurrency());
        receivers.addAll(sockets.subList(0, pairs));
        senders.addAll(sockets.subList(pairs, 2 * pairs));
        senderUsers.forEach(user -> senderIds.add(user.id()));
        try {
            // A cold JVM is slower than a warm one: warm up at a rate it keeps up with even then.
            int warmup = Math.min(WARMUP_RATE, config.rates().stream().min(Integer::compare).orElse(WARMUP_RATE));
            System.out.printf("[bench] 1:1: %d pairs; warming up at %d/s for %d s%n", pairs, warmup, config.warmupSeconds());
            runPhase("warmup", warmup, config.warmupSeconds());
            for (int rate : config.rates()) {
                Phase measured = runPhase("r" + rate, rate, config.seconds());
                record(rate, measured);
            }
        } finally {
            sockets.forEach(BenchSocket::close);
        }
    }

    private Phase runPhase(String name, int rate, int seconds) throws Exception {
        long total = (long) rate * seconds;
        Phase current = new Phase(name, total);
        phase = current;
        long storedBefore = BenchDatabase.messagesFrom(senderIds);
        CpuMeter cpu = new CpuMeter(service.pid(), pid -> pid == ProcessHandle.current().pid());
        cpu.start();
        PacedSenders.send(clients.vertx(), senders, rate, total, (pair, round, scheduled) -> {
            senders.get(pair).send(Frames.direct(receivers.get(pair).userId, name + "-" + pair + "-" + round, name, scheduled));
            current.sent.incrementAndGet();
        });
        Map<String, Double> cores = cpu.stop();
        try {
            await().atMost(Duration.ofSeconds(config.graceSeconds())).pollInterval(Duration.ofMillis(50))
                    .until(() -> current.latencies.size() >= current.sent.get() && current.confirmed.get() >= current.sent.get());
        } catch (org.awaitility.core.ConditionTimeoutException stillMissing) {
            System.out.printf("[bench] %s: %d of %d not delivered within the grace period%n",
                    name, current.sent.get() - current.latencies.size(), current.sent.get());
        }
        long stored = BenchDatabase.messagesFrom(senderIds) - storedBefore;
        if (!name.equals("warmup")) {
            current.persisted = stored;
            current.cores = cores;
        }
        return current;
    }

    private void record(int rate, Phase measured) {
        Latencies.Percentiles latency = measured.latencies.percentiles();
        long sent = measured.sent.get();
        boolean complete = measured.latencies.size() == sent && measured.persisted == sent;
        String name = "1:1 at " + rate + "/s";
        boolean targetRate = rate == TARGET_RATE;
        report.row(name, "delivered / confirmed / stored / sent", measured.latencies.size() + " / "
                        + measured.confirmed.get() + " / " + measured.persisted + " / " + sent,
                targetRate ? "all" : "", targetRate ? complete : null);
        report.row(name, "latency p50 / p95 / p99 / p99.9", latency.toString(),
                targetRate ? "p99 < 30 ms" : "", targetRate ? latency.p99() < TARGET_P99_MS : null);
        report.cpuRow(name, measured.cores);
        report.chartPoint(new LatencyChart.Point(rate, latency));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate", rate);
        json.put("pairs", config.pairs());
        json.put("seconds", config.seconds());
        json.put("sent", sent);
        json.put("delivered", measured.latencies.size());
        json.put("confirmed", measured.confirmed.get());
        json.put("stored", measured.persisted);
        json.put("delivered_receipts", measured.receipts.get());
        json.put("errors", measured.errors.get());
        json.put("latency_ms", latency);
        json.put("cpu_cores", measured.cores);
        report.put("direct_" + rate, json);
    }

    private void atReceiver(String frame) {
        Phase current = phase;
        if (Frames.isType(frame, "message")) {
            long scheduled = Frames.scheduledAt(frame, current.name);
            if (scheduled > 0) {
                current.latencies.add(System.nanoTime() - scheduled);
            }
        }
    }

    private void atSender(String frame) {
        Phase current = phase;
        if (Frames.isType(frame, "message")) {
            if (Frames.scheduledAt(frame, current.name) > 0) {
                current.confirmed.incrementAndGet();
            }
        } else if (Frames.isType(frame, "delivered")) {
            current.receipts.incrementAndGet();
        } else if (Frames.isType(frame, "error")) {
            if (current.errors.incrementAndGet() == 1) {
                System.out.println("[bench] first error frame: " + frame);
            }
        }
    }
}
