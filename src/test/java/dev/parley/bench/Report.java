package dev.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results: a Markdown table (figure, value, target, met), the same and
 * more as JSON, and the latency chart, all under target/bench/.
 */
final class Report {

    private final StringBuilder table = new StringBuilder(
            "| Scenario | Figure | Value | Target | Met |\n|---|---|---|---|---|\n");
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<LatencyChart.Point> chart = new ArrayList<>();

    Report(Map<String, Object> machine) {
        json.put("machine", machine);
    }

    void row(String scenario, String figure, String value) {
        row(scenario, figure, value, "", null);
    }

    void row(String scenario, String figure, String value, String target, Boolean met) {
        table.append("| ").append(scenario).append(" | ").append(figure).append(" | ").append(value).append(" | ")
                .append(target).append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
        System.out.printf("[bench] %s: %s = %s%n", scenario, figure, value);
    }

    /** The row every load phase has: the cores each process kept busy, from {@link CpuMeter#stop()}. */
    void cpuRow(String scenario, Map<String, Double> cores) {
        row(scenario, "CPU cores busy: service / PostgreSQL / Redis / generator", String.format("%.2f / %.2f / %.2f / %.2f",
                cores.get("service"), cores.get("postgres"), cores.get("redis"), cores.get("generator")));
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    void chartPoint(LatencyChart.Point point) {
        chart.add(point);
    }

    /** Writes results.md, results.json and latency.svg; returns the directory. */
    Path write() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(dir.resolve("results.md"), table);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json);
        if (!chart.isEmpty()) {
            Files.writeString(dir.resolve("latency.svg"), LatencyChart.svg(chart));
        }
        return dir;
    }

    String table() {
        return table.toString();
    }
}
