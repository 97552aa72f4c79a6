package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * CPU time of the processes sharing the machine during a phase, from
 * /proc/[pid]/stat: the service, PostgreSQL, Redis and the generator. Shows
 * where a 2-core machine's time went when a target is missed.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long servicePid;
    private final LongPredicate generator;
    private Map<String, Long> start;
    private long startedAt;

    CpuMeter(long servicePid, LongPredicate generator) {
        this.servicePid = servicePid;
        this.generator = generator;
    }

    void start() {
        start = sample();
        startedAt = System.nanoTime();
    }

    /** Cores busy on average since {@link #start()}, per process group. */
    Map<String, Double> stop() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        Map<String, Long> end = sample();
        Map<String, Double> cores = new LinkedHashMap<>();
        end.forEach((group, ticks) -> cores.put(group,
                Math.round((ticks - start.getOrDefault(group, 0L)) / TICKS_PER_SECOND / seconds * 100) / 100.0));
        return cores;
    }

    private Map<String, Long> sample() {
        Map<String, Long> ticks = new LinkedHashMap<>(Map.of("service", 0L, "postgres", 0L, "redis", 0L, "generator", 0L));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                long pid = Long.parseLong(dir.getFileName().toString());
                String group = group(pid, dir);
                if (group != null) {
                    ticks.merge(group, ticksOf(dir), Long::sum);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ticks;
    }

    private String group(long pid, Path dir) {
        if (pid == servicePid) {
            return "service";
        }
        if (generator.test(pid)) {
            return "generator";
        }
        try {
            String command = Files.readString(dir.resolve("comm")).strip();
            return command.startsWith("postgres") ? "postgres" : command.startsWith("redis-server") ? "redis" : null;
        } catch (IOException gone) {
            return null;
        }
    }

    /** utime + stime, fields 14 and 15, counted after the parenthesised command name. */
    private static long ticksOf(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
