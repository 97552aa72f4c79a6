package dev.parley.policy;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether one user may reach another directly: a message, typing, a read receipt
 * or presence. The rule itself is the database function {@code parley_may_reach}
 * (V4 migration), which the batched message writer applies too, so no path can
 * differ from another.
 */
@ApplicationScoped
public class Reach {

    /**
     * Whether user {@code :to} exists, and null when {@code :from} may reach them, else why not.
     * {@code parley_may_reach} alone decides; the block lookups only explain a refusal.
     */
    private static final String WHY_NOT = """
            SELECT EXISTS (SELECT 1 FROM users WHERE id = :to),
                   CASE WHEN parley_may_reach(:from, :to, :only) THEN NULL
                        WHEN EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :from AND blocked_id = :to) THEN 'blocker'
                        WHEN EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :to AND blocked_id = :from) THEN 'blocked'
                        ELSE 'policy' END
            """;

    private final boolean mentorshipsOnly;

    Reach(PolicyConfig config) {
        this.mentorshipsOnly = config.direct() == DirectPolicy.MENTORSHIPS;
    }

    /** The third argument of {@code parley_may_reach} for this deployment. */
    public boolean mentorshipsOnly() {
        return mentorshipsOnly;
    }

    /** Fails with {@code forbidden}, saying why, unless {@code from} may reach {@code to}. */
    public Uni<Void> require(long from, long to) {
        return whyNot(from, to).invoke(row -> refuseIfBarred(row[1], to)).replaceWithVoid();
    }

    /**
     * As {@link #require}, for a recipient named by the client: one that does not
     * exist fails with {@code unknown_recipient} first.
     */
    public Uni<Void> requireRecipient(long from, long to) {
        return whyNot(from, to).invoke(row -> {
            if (!(Boolean) row[0]) {
                throw new ChatException(ErrorCode.UNKNOWN_RECIPIENT, "Unknown recipient " + to);
            }
            refuseIfBarred(row[1], to);
        }).replaceWithVoid();
    }

    /**
     * On the caller's Hibernate Reactive session when it has one: a check made
     * inside a transaction must not wait for a second pooled connection, or a burst
     * of such transactions holds every connection and waits for ever.
     */
    private Uni<Object[]> whyNot(long from, long to) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(WHY_NOT, Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("only", mentorshipsOnly)
                .getSingleResult()));
    }

    private static void refuseIfBarred(Object reason, long to) {
        if (reason == null) {
            return;
        }
        throw new ChatException(ErrorCode.FORBIDDEN, switch ((String) reason) {
            case "blocker" -> "You blocked user " + to + "; unblock them first";
            case "blocked" -> "User " + to + " does not accept your messages";
            default -> "The contact policy lets you reach only your mentors, your students and admins; user "
                    + to + " is none of them";
        });
    }
}
