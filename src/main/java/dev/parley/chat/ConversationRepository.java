package dev.parley.chat;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, Long> {

    public Uni<Conversation> findDirect(long a, long b) {
        return find("directKey", Conversation.directKey(a, b)).firstResult();
    }

    /**
     * The id of the pair's direct conversation, created with both members on first
     * use. When two first messages race, the loser's insert waits for the winner's
     * commit, does nothing, and the follow-up select (a new snapshot) finds the row.
     */
    public Uni<Long> openDirect(long a, long b) {
        String key = Conversation.directKey(a, b);
        return findDirect(a, b)
                .chain(found -> found != null ? Uni.createFrom().item(found.getId()) : createDirect(key, a, b))
                .chain(id -> id != null ? Uni.createFrom().item(id) : findDirect(a, b).map(Conversation::getId));
    }

    private Uni<Long> createDirect(String key, long a, long b) {
        return getSession().chain(session -> session.createNativeQuery("""
                        WITH created AS (
                            INSERT INTO conversations (kind, direct_key) VALUES ('direct', :key)
                            ON CONFLICT (direct_key) DO NOTHING
                            RETURNING id
                        ), joined AS (
                            INSERT INTO members (conversation_id, user_id)
                            SELECT id, CAST(:a AS BIGINT) FROM created UNION ALL SELECT id, CAST(:b AS BIGINT) FROM created
                        )
                        SELECT id FROM created
                        """, Long.class)
                .setParameter("key", key)
                .setParameter("a", a)
                .setParameter("b", b)
                .getSingleResultOrNull());
    }

    public Uni<Conversation> findRoom(String name) {
        return find("kind = ?1 and name = ?2", ConversationKind.ROOM, name).firstResult();
    }

    /** The named room, created on first use; racing creators end up in the same room. */
    public Uni<Conversation> openRoom(String name, long createdBy) {
        return findRoom(name).chain(found -> found != null ? Uni.createFrom().item(found)
                : getSession().chain(session -> session.createNativeQuery("""
                                INSERT INTO conversations (kind, name, created_by) VALUES ('room', :name, :by)
                                ON CONFLICT (name) WHERE kind = 'room' DO NOTHING
                                """)
                        .setParameter("name", name)
                        .setParameter("by", createdBy)
                        .executeUpdate())
                .chain(() -> findRoom(name)));
    }

    /** The next event seq, for an edit or a delete (under the same row lock as sends). */
    public Uni<Long> nextEventSeq(long conversationId) {
        return getSession().chain(session -> session.createNativeQuery(
                        "UPDATE conversations SET last_event_seq = last_event_seq + 1 WHERE id = :id RETURNING last_event_seq",
                        Long.class)
                .setParameter("id", conversationId)
                .getSingleResult());
    }
}
