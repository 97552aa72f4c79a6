package dev.parley.bench;

import java.util.Arrays;
import java.util.Map;

/** Scenario 5: from launching the process to its first ready answer, and its RSS then; several starts, median. */
final class StartupScenario {

    private static final double TARGET_MS = 2000;

    private StartupScenario() {
    }

    static void run(BenchConfig config, Report report) throws Exception {
        int starts = config.startups();
        double[] ready = new double[starts];
        double[] quarkus = new double[starts];
        double[] rss = new double[starts];
        for (int i = 0; i < starts; i++) {
            try (BenchService service = BenchService.start(config)) {
                ready[i] = service.readyMillis();
                quarkus[i] = service.quarkusStartedMillis();
                rss[i] = service.rssKiB() / 1024.0;
            }
            System.out.printf("[bench] start-up %d of %d: ready after %.0f ms%n", i + 1, starts, ready[i]);
        }
        double medianReady = median(ready);
        String name = "start-up (JVM)";
        report.row(name, "process launch to ready, median of " + starts + " (min)",
                String.format("%.0f ms (%.0f ms)", medianReady, Arrays.stream(ready).min().orElse(Double.NaN)),
                "< 2 s", medianReady < TARGET_MS);
        report.row(name, "Quarkus' own \"started in\" (JVM already up), median", String.format("%.0f ms", median(quarkus)));
        report.row(name, "RSS when ready, median", String.format("%.0f MiB", median(rss)));
        report.row("start-up (native)", "process launch to ready", "not measured: no GraalVM or Mandrel on this machine");
        report.put("startup", Map.of("starts", starts, "ready_ms", ready, "quarkus_started_ms", quarkus, "rss_mib", rss,
                "median_ready_ms", medianReady));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
