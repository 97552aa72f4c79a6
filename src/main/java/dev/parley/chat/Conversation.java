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

    protected Conversation() {
        // for Hibernate
    }

    public Conversation(ConversationKind kind, String name, Long createdBy, Instant createdAt) {
        this.kind = kind;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
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

    /** The key that makes a pair of users share exactly one direct conversation. */
    public static String directKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }
}
