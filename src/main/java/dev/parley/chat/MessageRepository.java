package dev.parley.chat;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, Long> {

    public Uni<Message> findByClientMsgId(long senderId, String clientMsgId) {
        return find("senderId = ?1 and clientMsgId = ?2", senderId, clientMsgId).firstResult();
    }

    /** Up to {@code limit} messages after {@code afterSeq}, oldest first. */
    public Uni<List<Message>> pageAfter(long conversationId, long afterSeq, int limit) {
        return find("conversationId = ?1 and seq > ?2", Sort.ascending("seq"), conversationId, afterSeq)
                .range(0, limit - 1)
                .list();
    }

    public Uni<Message> findBySeq(long conversationId, long seq) {
        return find("conversationId = ?1 and seq = ?2", conversationId, seq).firstResult();
    }

    /** Messages up to {@code seq} edited or deleted after the event {@code sinceEvent}, in the order of those changes. */
    public Uni<List<Message>> changedSince(long conversationId, long seq, long sinceEvent, int limit) {
        return find("conversationId = ?1 and seq <= ?2 and changedEventSeq > ?3", Sort.ascending("changedEventSeq"),
                conversationId, seq, sinceEvent).range(0, limit - 1).list();
    }

    /** Up to {@code limit} messages before {@code beforeSeq} (or the newest), newest first. */
    public Uni<List<Message>> pageBefore(long conversationId, long beforeSeq, int limit) {
        return find("conversationId = ?1 and seq < ?2", Sort.descending("seq"), conversationId, beforeSeq)
                .range(0, limit - 1)
                .list();
    }
}
