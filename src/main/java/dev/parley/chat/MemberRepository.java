package dev.parley.chat;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, Member.Key> {

    public Uni<Boolean> isMember(long conversationId, long userId) {
        return count("conversationId = ?1 and userId = ?2", conversationId, userId).map(n -> n > 0);
    }

    public Uni<List<Long>> memberIds(long conversationId) {
        return find("select m.userId from Member m where m.conversationId = ?1 order by m.userId", conversationId)
                .project(Long.class).list();
    }

    /** Adds the member; false when they already were one. */
    public Uni<Boolean> add(long conversationId, long userId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO members (conversation_id, user_id) VALUES (:c, :u) ON CONFLICT DO NOTHING
                        """)
                .setParameter("c", conversationId)
                .setParameter("u", userId)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** Removes the member; false when they were none. */
    public Uni<Boolean> remove(long conversationId, long userId) {
        return delete("conversationId = ?1 and userId = ?2", conversationId, userId).map(deleted -> deleted > 0);
    }

    /** Moves the read watermark forward to {@code seq}; true when it moved. */
    public Uni<Boolean> advanceRead(long conversationId, long userId, long seq) {
        return update("lastReadSeq = ?3 where conversationId = ?1 and userId = ?2 and lastReadSeq < ?3",
                conversationId, userId, seq)
                .map(updated -> updated > 0);
    }
}
