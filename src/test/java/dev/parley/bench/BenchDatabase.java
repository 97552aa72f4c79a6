package dev.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The bench's own database ({@value BenchService#DATABASE}): emptied before a run
 * so every run starts from the same table sizes, and read to check that every
 * confirmed message was stored.
 */
final class BenchDatabase {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + BenchService.DATABASE;

    private BenchDatabase() {
    }

    /** Empties Parley's tables, when a previous run created them. */
    static void reset() throws SQLException {
        try (Connection db = connect()) {
            boolean migrated;
            try (ResultSet tables = db.getMetaData().getTables(null, "public", "messages", null)) {
                migrated = tables.next();
            }
            if (migrated) {
                db.createStatement().execute("TRUNCATE messages, members, conversations, users RESTART IDENTITY CASCADE");
                db.createStatement().execute("VACUUM ANALYZE");
            }
        }
    }

    /** Messages stored from these senders. */
    static long messagesFrom(Collection<Long> senderIds) throws SQLException {
        try (Connection db = connect();
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM messages WHERE sender_id = ANY (?)")) {
            count.setArray(1, db.createArrayOf("bigint", senderIds.toArray()));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL, "parley", "parley");
        } catch (SQLException e) {
            throw new SQLException("Cannot reach the bench database " + URL + ": run ./parley bench, which creates it", e);
        }
    }
}
