package dev.parley.support;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Stops and starts the machine's local Redis, for tests of a Redis outage. Always restart it. */
public final class LocalRedis {

    private LocalRedis() {
    }

    public static void stop() {
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !isUp());
    }

    /** Starts it the way ./parley does. */
    public static void start() {
        run(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
                "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/parley.log"));
        await().atMost(Duration.ofSeconds(10)).until(LocalRedis::isUp);
    }

    public static boolean isUp() {
        try {
            Process ping = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping").start();
            return new String(ping.getInputStream().readAllBytes()).trim().equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        Commands.run(command);
    }
}
