package dev.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Scenario 4: every client drops and reconnects at once, each sending {@code sync}
 * with the last seq it saw. Half of them (the receivers) missed
 * {@code bench.reconnect-missed} messages each while away. Measures the time from
 * the storm's start until every client has its {@code synced}, and checks that
 * every missed message arrived once, in order.
 */
final class ReconnectScenario {

    private final BenchConfig config;
    private final BenchService service;
    private final LoadClients clients;
    private final Report report;

    private ReconnectScenario(BenchConfig config, BenchService service, LoadClients clients, Report report) {
        this.config = config;
        this.service = service;
        this.clients = clients;
        this.report = report;
    }

    static void run(BenchConfig config, BenchService service, LoadClients clients, Report report) throws Exception {
        new ReconnectScenario(config, service, clients, report).run();
    }

    /** One user's view of its one chat: the last seq seen, and what the recovery brought. */
    private static final class View {
        final BenchUser user;
        volatile long chatId = -1;
        volatile long lastSeq;
        final AtomicLong recovered = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        volatile long syncedAt;

        View(BenchUser user) {
            this.user = user;
        }

        void message(String frame) {
            long seq = Frames.longField(frame, "seq");
            if (chatId < 0) {
                chatId = Frames.longField(frame, "chat_id");
            }
            if (syncedAt == 0 && lastSeq > 0 && seq != lastSeq + 1) {
                outOfOrder.incrementAndGet();
            }
            if (seq > lastSeq) {
                lastSeq = seq;
            }
        }
    }

    private void run() throws Exception {
        int pairs = config.reconnectPairs();
        int missed = config.reconnectMissed();
        List<View> senders = BenchUser.fresh("storm-a", pairs).stream().map(View::new).toList();
        List<View> receivers = BenchUser.fresh("storm-b", pairs).stream().map(View::new).toList();
        System.out.printf("[bench] reconnect storm: %d clients, %d messages missed by each of %d%n", 2 * pairs, missed, pairs);
        AtomicInteger confirmed = new AtomicInteger();
        List<BenchSocket> a = open(senders, confirmed, config.handshakeConcurrency(), false);
        List<BenchSocket> b = open(receivers, new AtomicInteger(), config.handshakeConcurrency(), false);
        sendEach(a, receivers, "storm-setup", 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> receivers.stream().allMatch(view -> view.lastSeq >= 1)
                && confirmed.get() >= pairs);
        b.forEach(BenchSocket::close);
        IdleScenario.awaitConnections(service, pairs);
        sendEach(a, receivers, "storm-missed", missed);
        await().atMost(Duration.ofSeconds(120)).until(() -> confirmed.get() >= pairs + pairs * missed);
        a.forEach(BenchSocket::close);
        IdleScenario.awaitConnections(service, 0);
        receivers.forEach(view -> view.recovered.set(0));

        List<View> everyone = new ArrayList<>(senders);
        everyone.addAll(receivers);
        long start = System.nanoTime();
        List<BenchSocket> back = open(everyone, new AtomicInteger(), 2 * pairs, true);
        double connectedSeconds = (System.nanoTime() - start) / 1e9;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> everyone.stream().allMatch(view -> view.syncedAt != 0));
        } catch (org.awaitility.core.ConditionTimeoutException incomplete) {
            System.out.println("[bench] reconnect storm: not every client recovered within 2 minutes");
        }
        long recoveredAll = everyone.stream().mapToLong(view -> view.syncedAt).max().orElse(start);
        double seconds = (recoveredAll - start) / 1e9;
        long synced = everyone.stream().filter(view -> view.syncedAt != 0).count();
        long recovered = receivers.stream().mapToLong(view -> view.recovered.get()).sum();
        long expected = (long) pairs * missed;
        long outOfOrder = everyone.stream().mapToLong(view -> view.outOfOrder.get()).sum();
        back.forEach(BenchSocket::close);
        IdleScenario.awaitConnections(service, 0);

        String name = "reconnect storm";
        report.row(name, "clients reconnecting at once, each with sync", String.valueOf(2 * pairs));
        report.row(name, "time until every client has synced (all connected after)",
                String.format("%.2f s (%.2f s)", seconds, connectedSeconds));
        report.row(name, "clients synced / missed messages recovered / out of order",
                synced + " / " + recovered + " of " + expected + " / " + outOfOrder,
                "nothing missing", synced == 2L * pairs && recovered == expected && outOfOrder == 0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", 2 * pairs);
        json.put("missed_each", missed);
        json.put("seconds_to_all_synced", seconds);
        json.put("seconds_to_all_connected", connectedSeconds);
        json.put("synced", synced);
        json.put("recovered", recovered);
        json.put("expected", expected);
        json.put("out_of_order", outOfOrder);
        report.put("reconnect", json);
    }

    private List<BenchSocket> open(List<View> views, AtomicInteger confirmed, int concurrency, boolean sync) {
        Map<Long, View> byUser = new ConcurrentHashMap<>();
        List<LoadClients.Opening> openings = new ArrayList<>();
        for (View view : views) {
            byUser.put(view.user.id(), view);
            openings.add(view.user.chat(frame -> {
                if (Frames.isType(frame, "message")) {
                    if (Frames.longField(frame, "sender_id") == view.user.id()) {
                        view.message(frame); // the sender's confirmation: its own chat and seq
                        confirmed.incrementAndGet();
                    } else {
                        view.message(frame);
                        view.recovered.incrementAndGet();
                    }
                } else if (Frames.isType(frame, "synced")) {
                    view.syncedAt = System.nanoTime();
                }
            }));
        }
        return clients.openAll(openings, concurrency, socket -> {
            View view = byUser.get(socket.userId);
            if (sync) {
                socket.send("{\"type\":\"sync\",\"chats\":{\"" + view.chatId + "\":" + view.lastSeq + "}}");
            }
        });
    }

    /** Each sender sends {@code count} messages to its receiver. */
    private static void sendEach(List<BenchSocket> senders, List<View> receivers, String phase, int count) {
        for (int i = 0; i < senders.size(); i++) {
            BenchSocket sender = senders.get(i);
            long recipient = receivers.get(i).user.id();
            sender.context.runOnContext(ignored -> {
                for (int n = 0; n < count; n++) {
                    sender.send("{\"type\":\"message\",\"recipient_id\":" + recipient + ",\"content\":\""
                            + Frames.content(phase, System.nanoTime()) + "\"}");
                }
            });
        }
    }
}
