package dev.parley.bench;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Scenario "new chats" (issue 17): {@code bench.newchat-pairs} pairs of fresh users
 * who have never talked, all connected first (handshakes are measured by the idle
 * scenario, not here), then every pair starts at once, open loop at
 * {@code bench.newchat-rate} messages a second in all for
 * {@code bench.newchat-seconds}. The pairs take turns, so each pair's first message
 * goes out within the first pairs / rate seconds (one second with the defaults).
 * A pair's first message creates its direct chat, which 1:1 at a steady rate
 * never does once warmed up, so first and later messages have latencies of their
 * own, both from the scheduled send to the recipient's receipt.
 *
 * <p>The JVM is warmed up with {@code bench.newchat-warmup-seconds} of the same
 * with other fresh pairs: warming up with the measured pairs would create their
 * chats before the first message is measured.
 */
final class NewChatsScenario {

    private static final double TARGET_P99_MS = 100;

    private final BenchConfig config;
    private final BenchService service;
    private final LoadClients clients;
    private final Report report;

    private NewChatsScenario(BenchConfig config, BenchService service, LoadClients clients, Report report) {
        this.config = config;
        this.service = service;
        this.clients = clients;
        this.report = report;
    }

    static void run(BenchConfig config, BenchService service, LoadClients clients, Report report) throws Exception {
        new NewChatsScenario(config, service, clients, report).run();
    }

    private void run() throws Exception {
        int rate = config.newchatRate();
        if (config.newchatWarmupSeconds() > 0) {
            System.out.printf("[bench] new chats: warming up with %d other new pairs at %d/s for %d s%n",
                    config.newchatPairs(), rate, config.newchatWarmupSeconds());
            try (Pairs warmup = open("ncwarmup")) {
                warmup.send(rate, config.newchatWarmupSeconds());
                warmup.awaitArrivals();
            }
            IdleScenario.awaitConnections(service, 0); // the warm-up's disconnects are done before the pairs start
        }
        try (Pairs pairs = open("newchat")) {
            System.out.printf("[bench] new chats: %d pairs connected, none has a chat yet; all start at %d/s for %d s%n",
                    config.newchatPairs(), rate, config.newchatSeconds());
            CpuMeter cpu = new CpuMeter(service.pid(), pid -> pid == ProcessHandle.current().pid());
            cpu.start();
            pairs.send(rate, config.newchatSeconds());
            Map<String, Double> cores = cpu.stop();
            pairs.awaitArrivals();
            record(pairs, BenchDatabase.messagesFrom(pairs.senderIds()), cores);
        }
    }

    /** Connects {@code bench.newchat-pairs} fresh pairs, all before any sends. */
    private Pairs open(String name) {
        Pairs pairs = new Pairs(name, config.newchatPairs(), (long) config.newchatRate() * config.newchatSeconds());
        List<BenchUser> senderUsers = BenchUser.fresh(name + "-a", config.newchatPairs());
        List<BenchUser> receiverUsers = BenchUser.fresh(name + "-b", config.newchatPairs());
        List<LoadClients.Opening> openings = new ArrayList<>();
        receiverUsers.forEach(user -> openings.add(user.chat(pairs::atReceiver)));
        senderUsers.forEach(user -> openings.add(user.chat(pairs::atSender)));
        List<BenchSocket> sockets = clients.openAll(openings, config.handshakeConcurrency());
        pairs.receivers.addAll(sockets.subList(0, config.newchatPairs()));
        pairs.senders.addAll(sockets.subList(config.newchatPairs(), sockets.size()));
        return pairs;
    }

    private void record(Pairs pairs, long stored, Map<String, Double> cores) {
        long sent = pairs.firstSent.get() + pairs.laterSent.get();
        long delivered = pairs.first.size() + pairs.later.size();
        long confirmed = pairs.confirmed.get();
        Latencies.Percentiles first = pairs.first.percentiles();
        Latencies.Percentiles later = pairs.later.percentiles();
        String name = "new chats (" + config.newchatPairs() + " pairs at " + config.newchatRate() + "/s)";
        report.row(name, "delivered / confirmed / stored / sent", delivered + " / " + confirmed + " / " + stored + " / " + sent,
                "all", delivered == sent && confirmed == sent && stored == sent);
        report.row(name, "first messages (each creates its chat) p50 / p95 / p99 / p99.9", first.toString(),
                "p99 < 100 ms", first.p99() < TARGET_P99_MS);
        report.row(name, "later messages p50 / p95 / p99 / p99.9", later.toString(),
                "p99 < 100 ms", later.p99() < TARGET_P99_MS);
        report.row(name, "error frames", String.valueOf(pairs.errors.get()));
        report.cpuRow(name, cores);
        if (pairs.notOpening.get() > 0) {
            System.out.printf("[bench] new chats: %d first messages were not seq 1 of their chat%n", pairs.notOpening.get());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pairs", config.newchatPairs());
        json.put("rate", config.newchatRate());
        json.put("seconds", config.newchatSeconds());
        json.put("warmup_seconds", config.newchatWarmupSeconds());
        json.put("sent_first", pairs.firstSent.get());
        json.put("sent_later", pairs.laterSent.get());
        json.put("delivered_first", pairs.first.size());
        json.put("delivered_later", pairs.later.size());
        json.put("confirmed", confirmed);
        json.put("stored", stored);
        json.put("errors", pairs.errors.get());
        json.put("first_not_seq_1", pairs.notOpening.get());
        json.put("latency_first_ms", first);
        json.put("latency_later_ms", later);
        json.put("cpu_cores", cores);
        report.put("newchats", json);
    }

    /**
     * One set of pairs and what they counted. A pair's first message carries the
     * phase {@code <name>-first}, the others {@code <name>-later}, so the recipient
     * tells them apart from the frame alone.
     */
    private final class Pairs implements AutoCloseable {
        final String name;
        final String firstPhase;
        final String laterPhase;
        final List<BenchSocket> senders = new ArrayList<>();
        final List<BenchSocket> receivers = new ArrayList<>();
        final Latencies first;
        final Latencies later;
        final AtomicLong firstSent = new AtomicLong();
        final AtomicLong laterSent = new AtomicLong();
        final AtomicLong confirmed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** First messages that were not seq 1: their chat already existed, which would void the scenario. */
        final AtomicLong notOpening = new AtomicLong();

        Pairs(String name, int count, long expected) {
            this.name = name;
            this.firstPhase = name + "-first";
            this.laterPhase = name + "-later";
            this.first = new Latencies(count);
            this.later = new Latencies((int) Math.min(Integer.MAX_VALUE - 8, expected));
        }

        /** Open loop at {@code rate} in all for {@code seconds}; returns once every message went out. */
        void send(int rate, int seconds) throws InterruptedException {
            PacedSenders.send(clients.vertx(), senders, rate, (long) rate * seconds, (pair, round, scheduled) -> {
                senders.get(pair).send(Frames.direct(receivers.get(pair).userId, name + "-" + pair + "-" + round,
                        round == 0 ? firstPhase : laterPhase, scheduled));
                (round == 0 ? firstSent : laterSent).incrementAndGet();
            });
        }

        /** Waits up to {@code bench.grace-seconds} for every message to arrive and be confirmed. */
        void awaitArrivals() {
            long sent = firstSent.get() + laterSent.get();
            try {
                await().atMost(Duration.ofSeconds(config.graceSeconds())).pollInterval(Duration.ofMillis(50))
                        .until(() -> first.size() + later.size() >= sent && confirmed.get() >= sent);
            } catch (ConditionTimeoutException stillMissing) {
                System.out.printf("[bench] new chats (%s): %d of %d not delivered, %d not confirmed within the grace period%n",
                        name, sent - first.size() - later.size(), sent, sent - confirmed.get());
            }
        }

        List<Long> senderIds() {
            return senders.stream().map(socket -> socket.userId).toList();
        }

        void atReceiver(String frame) {
            if (Frames.isType(frame, "message")) {
                long arrived = System.nanoTime();
                long scheduled = Frames.scheduledAt(frame, firstPhase);
                if (scheduled > 0) {
                    first.add(arrived - scheduled);
                    if (Frames.longField(frame, "seq") != 1) {
                        notOpening.incrementAndGet();
                    }
                } else if ((scheduled = Frames.scheduledAt(frame, laterPhase)) > 0) {
                    later.add(arrived - scheduled);
                }
            } else {
                countError(frame);
            }
        }

        void atSender(String frame) {
            if (Frames.isType(frame, "message")) {
                if (Frames.scheduledAt(frame, firstPhase) > 0 || Frames.scheduledAt(frame, laterPhase) > 0) {
                    confirmed.incrementAndGet();
                }
            } else {
                countError(frame);
            }
        }

        private void countError(String frame) {
            if (Frames.isType(frame, "error") && errors.incrementAndGet() == 1) {
                System.out.println("[bench] new chats: first error frame: " + frame);
            }
        }

        @Override
        public void close() {
            senders.forEach(BenchSocket::close);
            receivers.forEach(BenchSocket::close);
        }
    }
}
