package dev.parley.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/** A line of the caller's chat list. {@code peer} is the other member of a direct chat. */
@RegisterForReflection
public record ChatSummary(long id, String kind, String name, long lastSeq, long lastReadSeq, long unreadCount,
                          LastMessage lastMessage, Peer peer, List<Receipts> receipts) {

    /** How far another member of a direct chat or group has received and read (rooms: none listed). */
    @RegisterForReflection
    public record Receipts(long userId, long lastDeliveredSeq, long lastReadSeq) {
    }

    @RegisterForReflection
    public record LastMessage(long id, long seq, Long senderId, String messageType, String content, Instant createdAt, boolean deleted) {
    }

    @RegisterForReflection
    public record Peer(long id, String username, String avatarUrl, Instant lastSeen) {
    }
}
