package dev.parley.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A direct chat, a group or a public room: all share this table and its message sequence. */
@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private ConversationKind kind;

    private String name;

    @Column(name = "direct_key")
    private String directKey;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The key a group was created with, so a retry finds it instead of making a second one. */
    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    protected Conversation() {
        // for Hibernate
    }

    public Conversation(ConversationKind kind, String name, Long createdBy, Instant createdAt) {
        this.kind = kind;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Conversation withIdempotencyKey(String key) {
        this.idempotencyKey = key;
        return this;
    }

    public Long getId() {
        return id;
    }

    public ConversationKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getDirectKey() {
        return directKey;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** In a direct chat, the member who is not {@code userId} (read from the pair's key). */
    public long otherMember(long userId) {
        String[] pair = directKey.split(":");
        long low = Long.parseLong(pair[0]);
        return low == userId ? Long.parseLong(pair[1]) : low;
    }

    /** The key that makes a pair of users share exactly one direct conversation. */
    public static String directKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }
}
