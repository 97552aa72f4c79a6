package dev.parley.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A user's membership in a conversation, with their delivery and read watermarks. */
@Entity
@Table(name = "members")
@IdClass(Member.Key.class)
public class Member {

    /** The composite primary key (conversation, user). */
    public static class Key implements Serializable {
        private Long conversationId;
        private Long userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key key && Objects.equals(conversationId, key.conversationId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, userId);
        }
    }

    @Id
    @Column(name = "conversation_id")
    private Long conversationId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "last_delivered_seq", nullable = false)
    private long lastDeliveredSeq;

    @Column(name = "last_read_seq", nullable = false)
    private long lastReadSeq;

    public Long getConversationId() {
        return conversationId;
    }

    public Long getUserId() {
        return userId;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public long getLastDeliveredSeq() {
        return lastDeliveredSeq;
    }

    public long getLastReadSeq() {
        return lastReadSeq;
    }
}
