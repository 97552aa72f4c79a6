package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.support.FrameInbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The real {@code socket.io-client} from npm, run by Node (src/test/node/driver.js):
 * commands go to its stdin, and what it hears comes back as JSON lines, which
 * tests await like frames. The package is installed once per build into
 * target/socketio-client from the committed lockfile.
 */
final class SocketIoClient implements AutoCloseable {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/socketio-client");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final FrameInbox inbox = new FrameInbox();
    private final StringBuilder stderr = new StringBuilder();
    private final AtomicInteger acks = new AtomicInteger();

    private SocketIoClient(Map<String, Object> options) throws IOException {
        process = new ProcessBuilder("node", "driver.js", JSON.writeValueAsString(options))
                .directory(HOME.toFile()).start();
        stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().start(() -> lines(process.getInputStream(), inbox::add));
        Thread.ofVirtual().start(() -> lines(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.append(line).append('\n');
            }
        }));
    }

    /** Connects with {@code auth: {token}} ({@code null}: no auth) over {@code transports} (null: the defaults). */
    static SocketIoClient connect(URI base, String token, List<String> transports, boolean upgrade) {
        install();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("url", base.toString());
        if (token != null) {
            options.put("token", token);
        }
        if (transports != null) {
            options.put("transports", transports);
        }
        options.put("upgrade", upgrade);
        try {
            return new SocketIoClient(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SocketIoClient connect(URI base, String token) {
        return connect(base, token, null, true);
    }

    /** The client's {@code connect} (the line says on which transport). */
    JsonNode awaitConnect() {
        return await(line -> line.path("type").asText().matches("connect|connect_error"));
    }

    JsonNode await(String type) {
        return await(FrameInbox.ofType(type));
    }

    /** The argument of the first {@code event} that matches. */
    JsonNode awaitEvent(String event, Predicate<JsonNode> match) {
        return await(line -> line.path("type").asText().equals("event") && line.path("event").asText().equals(event)
                && match.test(line.path("args").path(0))).path("args").path(0);
    }

    JsonNode awaitEvent(String event) {
        return awaitEvent(event, any -> true);
    }

    JsonNode await(Predicate<JsonNode> match) {
        try {
            return inbox.await(match);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("Not heard; the client's stderr: " + stderr(), e);
        }
    }

    List<JsonNode> pendingEvents(String event) {
        return inbox.pending("event").stream().filter(line -> line.path("event").asText().equals(event)).toList();
    }

    void emit(String event, Object data) {
        command(Map.of("emit", event, "data", data));
    }

    /** Emits with a callback; returns the id its {@code ack} line will carry. */
    int emitWithAck(String event, Object data) {
        int id = acks.incrementAndGet();
        command(Map.of("emit", event, "data", data, "ack", id));
        return id;
    }

    /** The arguments the server acknowledged {@code id} with. */
    JsonNode awaitAck(int id) {
        return await(line -> line.path("type").asText().equals("ack") && line.path("id").asInt() == id).path("args");
    }

    private void command(Map<String, ?> command) {
        try {
            stdin.write(JSON.writeValueAsString(command) + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() {
        try {
            command(Map.of("close", true));
            stdin.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** Copies the driver and its lockfile to target/ and runs {@code npm ci} there once. */
    private static synchronized void install() {
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "driver.js")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isDirectory(HOME.resolve("node_modules/socket.io-client"))) {
                return;
            }
            // Surefire owns this JVM's stdout: npm writes to a log of its own.
            System.err.println("Installing socket.io-client into " + HOME + " (npm ci, once per build)...");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                    .redirectErrorStream(true).redirectOutput(HOME.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + HOME + " failed (see npm.log there); "
                        + "is the npm registry reachable?");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void lines(java.io.InputStream stream, java.util.function.Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().forEach(sink);
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
