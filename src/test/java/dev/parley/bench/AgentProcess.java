package dev.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link IdleAgent} child process: same JDK and classpath as the bench, spoken to line by line. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private AgentProcess(Process process) {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                lines.lines().forEach(answers::add);
            } catch (IOException ended) {
                // the agent exited
            }
        }, "agent-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static AgentProcess start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(ProcessHandle.current().info().command().orElseThrow()).toString(),
                "-Dbench.token-in=" + System.getProperty("bench.token-in", "query"),
                "-cp", System.getProperty("java.class.path"), IdleAgent.class.getName()));
        command.addAll(args);
        return new AgentProcess(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    long pid() {
        return process.pid();
    }

    void send(String command) {
        commands.println(command);
    }

    /** The rest of the first line starting with {@code word}; fails on {@code failed} or a timeout. */
    String await(String word, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = answers.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("Agent " + pid() + " did not say '" + word + "' within " + timeout);
            }
            if (line.startsWith("failed")) {
                throw new IllegalStateException("Agent " + pid() + ": " + line);
            }
            if (line.startsWith(word)) {
                return line.substring(word.length()).strip();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        send("close");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
