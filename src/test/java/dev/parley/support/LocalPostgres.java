package dev.parley.support;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Stops and starts the machine's local PostgreSQL cluster, for tests of a database outage. */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    /** Whether this machine runs a Debian-managed cluster the tests may drive. */
    public static boolean isManaged() {
        return new File("/usr/bin/pg_ctlcluster").canExecute() && version() != null;
    }

    public static void stop() {
        run("stop", "-m", "fast");
        await().atMost(Duration.ofSeconds(30)).until(() -> !isUp());
    }

    public static void start() {
        run("start");
        await().atMost(Duration.ofSeconds(30)).until(LocalPostgres::isUp);
    }

    public static boolean isUp() {
        try {
            return new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String version() {
        String[] versions = new File("/etc/postgresql").list();
        return versions == null || versions.length == 0 ? null
                : Arrays.stream(versions).max(String::compareTo).orElse(null);
    }

    private static void run(String... action) {
        List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                version(), "main"));
        command.addAll(List.of(action));
        Commands.run(command);
    }
}
