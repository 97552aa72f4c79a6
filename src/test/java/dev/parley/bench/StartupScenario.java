package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: from launching the process to its first ready answer, and its RSS
 * then; several starts, median. Twice: the plain fast-jar, and the same jar with
 * a class cache from one training start (JDK 25's AOT cache, AppCDS before it),
 * which is how a deployment that cares about cold starts runs it (docs/deploy.md).
 */
final class StartupScenario {

    private static final double TARGET_MS = 2000;
    private static final Path CACHE_DIR = Path.of("target", "bench");

    private StartupScenario() {
    }

    static void run(BenchConfig config, Report report) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("plain", measure("start-up (JVM)", List.of(), config, report));
        ClassCache cache = ClassCache.forThisJdk();
        System.out.println("[bench] start-up: one training start to write the " + cache.name());
        Files.deleteIfExists(cache.file());
        BenchService.start(config, cache.recordArgs()).close(); // the cache is written at exit
        if (!Files.exists(cache.file())) {
            throw new IllegalStateException("the training start wrote no " + cache.file());
        }
        results.put("class_cache", cache.name());
        results.put("cached", measure("start-up (JVM, " + cache.name() + ")", List.of(cache.useArg()), config, report));
        report.row("start-up (native)", "process launch to ready", "not measured: no GraalVM or Mandrel on this machine");
        report.put("startup", results);
    }

    private static Map<String, Object> measure(String name, List<String> jvmArgs, BenchConfig config, Report report)
            throws Exception {
        int starts = config.startups();
        double[] ready = new double[starts];
        double[] quarkus = new double[starts];
        double[] rss = new double[starts];
        for (int i = 0; i < starts; i++) {
            try (BenchService service = BenchService.start(config, jvmArgs)) {
                ready[i] = service.readyMillis();
                quarkus[i] = service.quarkusStartedMillis();
                rss[i] = service.rssKiB() / 1024.0;
            }
            System.out.printf("[bench] %s %d of %d: ready after %.0f ms%n", name, i + 1, starts, ready[i]);
        }
        double medianReady = median(ready);
        report.row(name, "process launch to ready, median of " + starts + " (min)",
                String.format("%.0f ms (%.0f ms)", medianReady, Arrays.stream(ready).min().orElse(Double.NaN)),
                "< 2 s", medianReady < TARGET_MS);
        report.row(name, "Quarkus' own \"started in\" (JVM already up), median", String.format("%.0f ms", median(quarkus)));
        report.row(name, "RSS when ready, median", String.format("%.0f MiB", median(rss)));
        return Map.of("starts", starts, "ready_ms", ready, "quarkus_started_ms", quarkus, "rss_mib", rss,
                "median_ready_ms", medianReady);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * JDK 25 writes an AOT cache in one step at exit (JEP 514); older JDKs have
     * AppCDS's equivalent. The training start runs with C1 only: a cache trained
     * so started 1.6-1.8 s against 2.2-2.3 s for one trained with C2 on, run
     * alternately on this machine (docs/performance.md), and the measured starts
     * run with the default compilers either way.
     */
    private record ClassCache(String name, Path file, List<String> recordArgs, String useArg) {

        static ClassCache forThisJdk() {
            if (Runtime.version().feature() >= 25) {
                Path file = CACHE_DIR.resolve("parley.aot").toAbsolutePath();
                return new ClassCache("AOT cache", file,
                        List.of("-XX:AOTCacheOutput=" + file, "-XX:TieredStopAtLevel=1"), "-XX:AOTCache=" + file);
            }
            Path file = CACHE_DIR.resolve("parley.jsa").toAbsolutePath();
            return new ClassCache("AppCDS archive", file, List.of("-XX:ArchiveClassesAtExit=" + file),
                    "-XX:SharedArchiveFile=" + file);
        }
    }
}
