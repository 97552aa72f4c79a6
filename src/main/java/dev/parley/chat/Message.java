package dev.parley.chat;

import dev.parley.protocol.MessageType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One message of a conversation, numbered by the conversation's gap-free {@code seq}. */
@Entity
@Table(name = "messages")
public class Message {

    private static final String TEXT = "text";
    private static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(nullable = false)
    private long seq;

    /** Null for a system message (from the platform, not a user). */
    @Column(name = "sender_id")
    private Long senderId;

    @Column(name = "message_type", nullable = false, length = 16)
    private String messageType = TEXT;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    private String content;

    @Column(name = "client_msg_id", length = 64)
    private String clientMsgId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "event_seq", nullable = false)
    private long eventSeq;

    @Column(name = "changed_event_seq")
    private Long changedEventSeq;

    protected Message() {
        // for Hibernate
    }

    public Message(long conversationId, long seq, long eventSeq, Long senderId, String content, String clientMsgId,
                   Instant createdAt) {
        this.eventSeq = eventSeq;
        this.conversationId = conversationId;
        this.seq = seq;
        this.senderId = senderId;
        this.content = content;
        this.clientMsgId = clientMsgId;
        this.createdAt = createdAt;
    }

    /** A message just stored outside Hibernate (the batched writer), with its generated id. */
    static Message stored(long id, long conversationId, long seq, long eventSeq, long senderId, String content,
                          String clientMsgId, Instant createdAt) {
        Message message = new Message(conversationId, seq, eventSeq, senderId, content, clientMsgId, createdAt);
        message.id = id;
        return message;
    }

    /** A system message just stored outside Hibernate, with its generated id. */
    static Message storedSystem(long id, long conversationId, long seq, long eventSeq, String content,
                                String idempotencyKey, Instant createdAt) {
        Message message = new Message(conversationId, seq, eventSeq, null, content, null, createdAt);
        message.id = id;
        message.messageType = SYSTEM;
        message.idempotencyKey = idempotencyKey;
        return message;
    }

    /** Posted by the platform ({@code message_type: "system"}), not by a user: it has no sender. */
    public boolean isSystem() {
        return SYSTEM.equals(messageType);
    }

    public MessageType getMessageType() {
        return isSystem() ? MessageType.SYSTEM : MessageType.TEXT;
    }

    /** Whether {@code userId} sent it (never true of a system message). */
    public boolean isFrom(long userId) {
        return senderId != null && senderId == userId;
    }

    /** Replaces the content; the history shows the message as edited. */
    public void edit(String newContent, Instant at, long eventSeq) {
        this.content = newContent;
        this.editedAt = at;
        this.changedEventSeq = eventSeq;
    }

    /** A soft delete: the message keeps its place in the sequence, its content is gone. */
    public void delete(Instant at, long eventSeq) {
        this.content = null;
        this.deletedAt = at;
        this.changedEventSeq = eventSeq;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public long getEventSeq() {
        return eventSeq;
    }

    public Long getChangedEventSeq() {
        return changedEventSeq;
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public long getSeq() {
        return seq;
    }

    public Long getSenderId() {
        return senderId;
    }

    public String getContent() {
        return content;
    }

    public String getClientMsgId() {
        return clientMsgId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
