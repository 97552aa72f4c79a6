package dev.parley.chat;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, Member.Key> {

    public Uni<Boolean> isMember(long conversationId, long userId) {
        return count("conversationId = ?1 and userId = ?2", conversationId, userId).map(n -> n > 0);
    }

    /** Moves the read watermark forward to {@code seq}; true when it moved. */
    public Uni<Boolean> advanceRead(long conversationId, long userId, long seq) {
        return update("lastReadSeq = ?3 where conversationId = ?1 and userId = ?2 and lastReadSeq < ?3",
                conversationId, userId, seq)
                .map(updated -> updated > 0);
    }
}
