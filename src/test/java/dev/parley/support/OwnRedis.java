package dev.parley.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A {@code redis-server} of the test's own, on a free port, for tests of a Redis
 * outage: they stop and start this one and never touch the machine's Redis, which
 * other work may rely on. Persistence is off, so like the machine's Redis it comes
 * back empty after a restart; it comes back on the same port, so clients configured
 * with {@link #url()} reconnect by themselves.
 */
public final class OwnRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final Path log;
    private Process process;

    private OwnRedis(int port, Path dir, Path log) {
        this.port = port;
        this.dir = dir;
        this.log = log;
    }

    /** Starts a Redis on a free port and waits until it answers PING. */
    public static OwnRedis launch() {
        try {
            Path logDir = Files.createDirectories(Path.of("target", "it-logs"));
            int port = freePort();
            OwnRedis redis = new OwnRedis(port, Files.createTempDirectory("parley-redis-"),
                    logDir.resolve("redis-" + port + ".log"));
            try {
                redis.start();
            } catch (RuntimeException e) {
                redis.close();
                throw e;
            }
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare a Redis for the test", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on the same port and waits until it answers PING. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Redis on port " + port + " is already running");
        }
        List<String> command = List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run redis-server: is it on the PATH? (./parley test installs it)", e);
        }
        Process started = process;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25)).until(() -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("redis-server exited during start-up; see " + log.toAbsolutePath());
            }
            return answersPing();
        });
    }

    /** Kills the server, as an outage would, and waits until it has exited. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and removes its directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove " + dir, e);
        }
    }

    /** An inline PING over a plain socket, so the check needs neither redis-cli nor a client library. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
