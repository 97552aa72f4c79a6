package dev.parley.bench;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Parley's load generator (issue 8; in the test sources, so it never ships).
 * Starts the packaged service with the test key and the abuse limits raised,
 * runs the scenarios named in {@code bench.scenarios} in order, and writes
 * target/bench/results.md, results.json and latency.svg. Run it with
 * {@code ./parley bench}; docs/performance.md lists the options.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        CpuPinning pinning = CpuPinning.of(config);
        Map<String, Object> machine = machine(config); // before the generator moves, so "cores" are the machine's
        Set<Integer> generatorCpus = pinning.keepGeneratorOff();
        machine.putAll(pinning.json(generatorCpus));
        Report report = new Report(machine);
        report.row("service", "cores it may use", pinning.describe(generatorCpus));
        System.out.println("[bench] emptying the bench database and Redis keys");
        BenchDatabase.reset();
        resetRedis();
        if (config.runs("startup")) {
            scenario(report, "start-up", () -> StartupScenario.run(config, report));
        }
        if (config.runs("idle") || config.runs("direct") || config.runs("newchats") || config.runs("rooms")
                || config.runs("reconnect")) {
            try (BenchService service = BenchService.start(config);
                 LoadClients clients = new LoadClients(config.port(), 1, config.sourceAddresses(), config.eventLoops())) {
                if (config.runs("idle")) {
                    scenario(report, "idle", () -> IdleScenario.run(config, service, report));
                }
                if (config.runs("direct")) {
                    scenario(report, "1:1", () -> DirectScenario.run(config, service, clients, report));
                }
                if (config.runs("newchats")) {
                    scenario(report, "new chats", () -> NewChatsScenario.run(config, service, clients, report));
                }
                if (config.runs("rooms")) {
                    scenario(report, "rooms", () -> RoomScenario.run(config, service, clients, report));
                }
                if (config.runs("reconnect")) {
                    scenario(report, "reconnect storm", () -> ReconnectScenario.run(config, service, clients, report));
                }
            }
        }
        Path dir = report.write();
        System.out.println();
        System.out.println(report.table());
        System.out.println("[bench] written to " + dir.toAbsolutePath() + " (results.md, results.json, latency.svg)");
        System.exit(0); // Vert.x and the JDK HTTP client leave non-daemon threads behind
    }

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    /** A scenario that fails is reported as such; the others still run. */
    private static void scenario(Report report, String name, Scenario scenario) {
        try {
            scenario.run();
        } catch (Exception | AssertionError e) {
            System.out.println("[bench] " + name + " failed: " + e);
            report.row(name, "failed", String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' '));
        }
    }

    private static Map<String, Object> machine(BenchConfig config) throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("at", Instant.now().toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown"));
        machine.put("memory_gib", Math.round(Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(0) / 1048576.0));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("config", config);
        return machine;
    }

    /** Drops the keys an earlier run left under the bench's Redis prefix. */
    private static void resetRedis() {
        Vertx vertx = Vertx.vertx();
        try {
            Redis.createClient(vertx, "redis://127.0.0.1:6379")
                    .send(Request.cmd(Command.EVAL).arg("""
                            for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end
                            return 0""").arg(0).arg(BenchService.REDIS_PREFIX + ":*"))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach Redis at 127.0.0.1:6379: run ./parley bench, which starts it", e);
        } finally {
            vertx.close();
        }
    }
}
