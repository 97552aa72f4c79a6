package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one-core option, {@code bench.service-cpus} (a {@code taskset} CPU list such
 * as {@code 0}; empty: no pinning). Issue 17 asks what one core carries, and a
 * service that may use every core of a shared machine cannot show it. The service
 * is launched under {@code taskset -c} with {@code -XX:ActiveProcessorCount} set to
 * the same count, so its GC, compiler and event-loop pools are sized for the cores
 * it has. The generator then moves itself (its threads, and the processes it starts
 * after) onto the other CPUs it may use, so it does not take the service's core;
 * PostgreSQL and Redis are not pinned.
 */
record CpuPinning(String cpus, Set<Integer> serviceCpus) {

    private static final String TASKSET = "taskset";

    static CpuPinning of(BenchConfig config) {
        String cpus = config.serviceCpus();
        return new CpuPinning(cpus, cpus.isEmpty() ? Set.of() : parse(cpus));
    }

    boolean pinned() {
        return !serviceCpus.isEmpty();
    }

    /** What the service's command starts with: {@code taskset -c <cpus>}, or nothing. */
    List<String> launcher() {
        return pinned() ? List.of(requireTaskset(), "-c", cpus) : List.of();
    }

    /** The JVM options that go with it. */
    List<String> jvmArgs() {
        return pinned() ? List.of("-XX:ActiveProcessorCount=" + serviceCpus.size()) : List.of();
    }

    /**
     * Moves every thread of this process to the CPUs it may use minus the
     * service's; returns those CPUs, or an empty set when none would be left
     * (then the generator stays where it is).
     */
    Set<Integer> keepGeneratorOff() throws IOException, InterruptedException {
        if (!pinned()) {
            return Set.of();
        }
        Set<Integer> allowed = allowedHere();
        if (!allowed.containsAll(serviceCpus)) {
            throw new IllegalArgumentException("bench.service-cpus=" + cpus + " names CPUs this process may not use"
                    + " (it may use " + list(allowed) + ")");
        }
        Set<Integer> others = new TreeSet<>(allowed);
        others.removeAll(serviceCpus);
        if (others.isEmpty()) {
            return others;
        }
        Process taskset = new ProcessBuilder(requireTaskset(), "-a", "-p", "-c", list(others),
                String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not move the generator to CPUs " + list(others) + ": " + output);
        }
        return others;
    }

    /** For the report: "1 core (CPU 0); the generator on CPU 1", or "not pinned". */
    String describe(Set<Integer> generatorCpus) {
        if (!pinned()) {
            return "not pinned";
        }
        return serviceCpus.size() + (serviceCpus.size() == 1 ? " core" : " cores") + " (CPU " + cpus + ")"
                + (generatorCpus.isEmpty() ? "; the generator shares it" : "; the generator on CPU " + list(generatorCpus));
    }

    /** For results.json's machine: how many cores the service had, which, and the generator's. */
    Map<String, Object> json(Set<Integer> generatorCpus) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service_cores", pinned() ? serviceCpus.size() : "all (not pinned)");
        json.put("service_cpus", serviceCpus);
        json.put("generator_cpus", generatorCpus);
        return json;
    }

    /** A CPU list as taskset reads it: numbers and ranges, comma-separated ({@code 0}, {@code 0-1,4}). */
    static Set<Integer> parse(String list) {
        Set<Integer> cpus = new TreeSet<>();
        for (String part : list.split(",")) {
            String[] range = part.strip().split("-");
            try {
                int first = Integer.parseInt(range[0].strip());
                int last = range.length == 2 ? Integer.parseInt(range[1].strip()) : first;
                if (range.length > 2 || first < 0 || last < first) {
                    throw new NumberFormatException(part);
                }
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench.service-cpus=" + list
                        + " is not a CPU list such as 0 or 0-1,4 (as taskset -c takes)", e);
            }
        }
        return cpus;
    }

    private static String list(Set<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The CPUs this process may run on, from /proc/self/status. */
    private static Set<Integer> allowedHere() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                .map(line -> parse(line.substring(line.indexOf(':') + 1).strip()))
                .orElseThrow(() -> new IllegalStateException("/proc/self/status has no Cpus_allowed_list"));
    }

    /** taskset's path; fails with the package that brings it when it is not installed. */
    private static String requireTaskset() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir.isEmpty() ? "." : dir, TASKSET)).filter(Files::isExecutable)
                .findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("bench.service-cpus needs " + TASKSET
                        + ", which is not installed: install the Debian package util-linux (apt-get install util-linux)"));
    }
}
