package dev.parley.policy;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.vertx.pgclient.PgException;

/** Checks shared by the writes that relate two users (mentorships, blocks). */
final class Pair {

    /** PostgreSQL's foreign-key violation: one of the two users does not exist. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Pair() {
    }

    static void requireTwo(long a, long b) {
        if (a <= 0 || b <= 0) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "User ids are positive numbers");
        }
        if (a == b) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "A pair needs two different users");
        }
    }

    /** A foreign-key failure as the 404 it is; anything else unchanged. */
    static Throwable unknownUser(Throwable failure, long a, long b) {
        return failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())
                ? new ChatException(ErrorCode.NOT_FOUND, "User " + a + " or " + b
                        + " is unknown: create users with PUT /api/v1/users/{id} first")
                : failure;
    }
}
