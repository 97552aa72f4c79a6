package dev.parley.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mentor-student pairs, which the {@code mentorships} policy lets talk to each other. */
@ApplicationScoped
public class Mentorships {

    /** One pair; {@code created_at} is when it was first put. */
    @RegisterForReflection
    public record Mentorship(long mentorId, long studentId, Instant createdAt) {
        static Mentorship of(Row row) {
            return new Mentorship(row.getLong(0), row.getLong(1), row.getOffsetDateTime(2).toInstant());
        }
    }

    private static final String PUT = """
            WITH added AS (
                INSERT INTO mentorships (mentor_id, student_id) VALUES ($1, $2)
                ON CONFLICT DO NOTHING RETURNING mentor_id, student_id, created_at
            )
            SELECT * FROM added
            UNION ALL SELECT mentor_id, student_id, created_at FROM mentorships WHERE mentor_id = $1 AND student_id = $2
            """;
    private static final String OF_USER = """
            SELECT mentor_id, student_id, created_at FROM mentorships WHERE mentor_id = $1 OR student_id = $1
             ORDER BY created_at, mentor_id, student_id
            """;

    private final Pool pool;

    Mentorships(Pool pool) {
        this.pool = pool;
    }

    /** Creates the pair unless it exists; either way answers it. */
    public Uni<Mentorship> put(long mentorId, long studentId) {
        Pair.requireTwo(mentorId, studentId);
        return pool.preparedQuery(PUT).execute(Tuple.of(mentorId, studentId))
                .map(rows -> Mentorship.of(rows.iterator().next()))
                .onFailure().transform(failure -> Pair.unknownUser(failure, mentorId, studentId));
    }

    /** Ends the pair; true when there was one. */
    public Uni<Boolean> delete(long mentorId, long studentId) {
        return pool.preparedQuery("DELETE FROM mentorships WHERE mentor_id = $1 AND student_id = $2")
                .execute(Tuple.of(mentorId, studentId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The pairs {@code userId} is in, as mentor or as student. */
    public Uni<List<Mentorship>> of(long userId) {
        return pool.preparedQuery(OF_USER).execute(Tuple.of(userId)).map(rows -> {
            List<Mentorship> pairs = new ArrayList<>();
            rows.forEach(row -> pairs.add(Mentorship.of(row)));
            return pairs;
        });
    }
}
