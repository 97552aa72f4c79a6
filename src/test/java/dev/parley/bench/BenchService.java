package dev.parley.bench;

import dev.parley.support.ParleyProcess;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service under load: prod profile, the bench database and Redis
 * prefix, the test key, the abuse limits raised (the generator is one client
 * sending for thousands of users), and Parley's own logs at WARN; on the CPUs
 * of {@code bench.service-cpus} when set ({@link CpuPinning}).
 */
final class BenchService implements AutoCloseable {

    static final String DATABASE = "parley_bench";
    static final String REDIS_PREFIX = "parley-bench";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final ParleyProcess process;

    private BenchService(ParleyProcess process) {
        this.process = process;
    }

    static BenchService start(BenchConfig config) {
        return start(config, List.of());
    }

    /** As {@link #start(BenchConfig)}, with JVM options before the configured ones. */
    static BenchService start(BenchConfig config, List<String> jvmArgs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + DATABASE);
        settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        settings.put("parley.redis.key-prefix", REDIS_PREFIX);
        settings.put("parley.limits.messages-per-minute", "100000000");
        settings.put("parley.limits.message-burst", "1000000");
        settings.put("parley.limits.frames-per-second", "1000000");
        settings.put("parley.limits.frame-burst", "1000000");
        settings.put("parley.limits.handshakes-per-minute", "100000000");
        settings.put("parley.limits.handshake-burst", "1000000");
        settings.put("quarkus.log.category.\"dev.parley\".level", "WARN");
        CpuPinning pinning = CpuPinning.of(config);
        List<String> allJvmArgs = new ArrayList<>(pinning.jvmArgs());
        allJvmArgs.addAll(jvmArgs);
        allJvmArgs.addAll(config.serviceJvmArgs());
        return new BenchService(ParleyProcess.start(config.port(), settings, allJvmArgs, pinning.launcher()));
    }

    long pid() {
        return process.pid();
    }

    /** From launching the process to its first ready answer. */
    double readyMillis() {
        return process.readyAfter().toNanos() / 1e6;
    }

    /** What Quarkus itself logged as its start-up time (after the JVM was up), or NaN. */
    double quarkusStartedMillis() throws IOException {
        Matcher started = STARTED.matcher(Files.readString(process.log()));
        return started.find() ? Double.parseDouble(started.group(1)) * 1000 : Double.NaN;
    }

    long rssKiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }

    /**
     * Bytes of live objects: {@code jcmd GC.class_histogram} runs a full GC first
     * and then counts what survived, so this is heap after GC.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        List<String> lines = jcmd("GC.class_histogram");
        String total = lines.stream().filter(line -> line.startsWith("Total")).findFirst()
                .orElseThrow(() -> new IllegalStateException("jcmd printed no histogram: " + lines));
        String[] parts = total.trim().split("\\s+");
        return Long.parseLong(parts[2]);
    }

    /** Live bytes per class (after the full GC {@code GC.class_histogram} runs first). */
    Map<String, Long> liveBytesByClass() throws IOException, InterruptedException {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String line : jcmd("GC.class_histogram")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                bytes.merge(parts[3], Long.parseLong(parts[2]), Long::sum);
            }
        }
        return bytes;
    }

    /** A Prometheus gauge or counter from /q/metrics, summed over its label sets. */
    double metric(String name) {
        String body;
        try {
            body = HTTP.send(HttpRequest.newBuilder(process.baseUri().resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the service's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private List<String> jcmd(String command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid()), command)
                .redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
        jcmd.waitFor();
        return lines;
    }

    @Override
    public void close() {
        process.close();
    }
}
