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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** In a direct conversation, the member who is not {@code userId}. */
    public long otherMember(long userId) {
        String[] ids = directKey.split(":");
        long first = Long.parseLong(ids[0]);
        return first == userId ? Long.parseLong(ids[1]) : first;
    }

    /** The key that makes a pair of users share exactly one direct conversation. */
    public static String directKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }
}
