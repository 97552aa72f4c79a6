package dev.parley.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a run does, from {@code -Dbench.*} system properties (docs/performance.md
 * lists them). The defaults are the scenarios at the sizes its targets name.
 */
record BenchConfig(Set<String> scenarios, int port, int startups, List<String> serviceJvmArgs,
                   int idleConnections, int agents, int sourceAddresses, int handshakeConcurrency,
                   int pairs, List<Integer> rates, int seconds, int warmupSeconds, int graceSeconds,
                   List<Integer> roomSizes, int roomConnections, int roomDeliveries, int roomWarmupSeconds,
                   int reconnectPairs, int reconnectMissed, int newchatPairs, int newchatRate, int newchatSeconds,
                   int newchatWarmupSeconds, int eventLoops, String serviceCpus) {

    /** File descriptors one process may hold here; each generator process stays well below. */
    static final int CONNECTIONS_PER_AGENT = 10_000;

    static BenchConfig fromSystemProperties() {
        int idle = number("bench.idle", 15_000);
        return new BenchConfig(
                Set.copyOf(list("bench.scenarios", "startup,idle,direct,newchats,rooms,reconnect")),
                number("bench.port", 18400),
                number("bench.startups", 3),
                list("bench.service-jvm-args", "").stream().filter(arg -> !arg.isBlank()).toList(),
                idle,
                number("bench.agents", Math.max(1, (idle + CONNECTIONS_PER_AGENT - 1) / CONNECTIONS_PER_AGENT)),
                number("bench.source-addresses", 4),
                number("bench.handshake-concurrency", 64),
                number("bench.pairs", 500),
                numbers("bench.rates", "1000,2000,5000,10000"),
                number("bench.seconds", 15),
                number("bench.warmup-seconds", 60),
                number("bench.grace-seconds", 10),
                numbers("bench.room-sizes", "20,200,2000"),
                number("bench.room-connections", 2000),
                number("bench.room-deliveries", 50_000),
                number("bench.room-warmup-seconds", 30),
                number("bench.reconnect-pairs", 2500),
                number("bench.reconnect-missed", 4),
                number("bench.newchat-pairs", 1000),
                number("bench.newchat-rate", 1000),
                number("bench.newchat-seconds", 10),
                number("bench.newchat-warmup-seconds", 30),
                number("bench.event-loops", 2),
                System.getProperty("bench.service-cpus", "").strip());
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static int number(String key, int fallback) {
        return Integer.parseInt(System.getProperty(key, String.valueOf(fallback)).strip());
    }

    private static List<Integer> numbers(String key, String fallback) {
        return list(key, fallback).stream().map(Integer::parseInt).toList();
    }

    private static List<String> list(String key, String fallback) {
        String value = System.getProperty(key, fallback);
        String separator = key.endsWith("jvm-args") ? "\\s+" : ",";
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
