package dev.parley.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The packaged service (target/quarkus-app, or the native executable when that is
 * what was built) started as its own process against
 * the local test database and Redis, verifying tokens with the test key. Several
 * can run side by side on different ports, like replicas.
 */
public final class ParleyProcess implements AutoCloseable {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Process process;
    private final Path log;
    private final long launchedAt;
    private Duration readyAfter;

    private ParleyProcess(int port, Process process, Path log, long launchedAt) {
        this.launchedAt = launchedAt;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts an instance and waits until it reports ready. */
    public static ParleyProcess start(int port) {
        return start(port, java.util.Map.of());
    }

    /**
     * Starts an instance with extra configuration ({@code -Dkey=value}) and waits until it reports ready.
     * A setting replaces the default of the same key (such as the database URL) rather than following it.
     */
    public static ParleyProcess start(int port, java.util.Map<String, String> settings) {
        return start(port, settings, List.of());
    }

    /** The same, with options for the JVM (or the native executable) itself, such as {@code -Xmx}. */
    public static ParleyProcess start(int port, java.util.Map<String, String> settings, List<String> jvmArgs) {
        return start(port, settings, jvmArgs, List.of());
    }

    /**
     * The same, launched through {@code launcher}, a command that executes the rest
     * in its own place (such as {@code taskset -c 0}), so the pid is still the service's.
     */
    public static ParleyProcess start(int port, java.util.Map<String, String> settings, List<String> jvmArgs,
                                      List<String> launcher) {
        Path jar = Path.of(System.getProperty("parley.jar", "target/quarkus-app/quarkus-run.jar"));
        Path runner = Path.of(System.getProperty("parley.runner", "target/parley-runner"));
        boolean nativeBuild = !Files.exists(jar) && Files.exists(runner);
        if (!Files.exists(jar) && !nativeBuild) {
            throw new IllegalStateException(jar + " is missing: run the tests through 'mvn verify'");
        }
        try {
            Path logDir = Files.createDirectories(Path.of("target", "it-logs"));
            Path log = logDir.resolve("parley-" + port + "-" + STARTS.incrementAndGet() + ".log");
            List<String> command = new ArrayList<>(launcher);
            command.add(nativeBuild ? runner.toString() : javaExecutable());
            command.addAll(jvmArgs);
            command.addAll(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/parley_test",
                    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/parley_test",
                    "-Dparley.redis.key-prefix=parley-test",
                    "-Dmp.jwt.verify.publickey.location=" + Path.of("src/test/resources/test-keys/public.pem").toAbsolutePath(),
                    "-Dmp.jwt.verify.issuer=" + TestUser.ISSUER));
            command.removeIf(arg -> settings.keySet().stream().anyMatch(key -> arg.startsWith("-D" + key + "=")));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            if (!nativeBuild) {
                command.addAll(List.of("-jar", jar.toString()));
            }
            long launchedAt = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ParleyProcess parley = new ParleyProcess(port, process, log, launchedAt);
            try {
                parley.awaitReady();
            } catch (RuntimeException | Error notReady) {
                process.destroyForcibly(); // a test that fails here must not leave the process behind
                throw notReady;
            }
            return parley;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + jar, e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI chatUri(String token) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/chat?token=" + token);
    }

    public URI roomUri(String room, String token) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + room + "?token=" + token);
    }

    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(baseUri().resolve(path)), token);
    }

    /** The HTTP status of an unauthenticated GET, e.g. a health probe. */
    public int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From launching the process to its first ready answer (to within the 25 ms poll). */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** The file this instance logs to. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits for the process to end. */
    public void stop() {
        process.destroy();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGKILL: the replica dies without a goodbye. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Parley exited during start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).build();
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return false;
                }
                readyAfter = Duration.ofNanos(System.nanoTime() - launchedAt);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
