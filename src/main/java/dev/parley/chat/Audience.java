package dev.parley.chat;

import java.util.List;

/**
 * Who hears about events of a conversation: every member of a direct chat or a
 * group (by user), or whoever joined a room (by the room's channel; members are
 * not listed, rooms may be large).
 */
public record Audience(long chatId, ConversationKind kind, List<Long> memberIds, String orderKey) {

    /**
     * Names the conversation's message order in Redis: its id plus its creation
     * time, so a recreated database never meets the order state of an old one.
     */
    static String orderKey(Conversation conversation) {
        return orderKey(conversation.getId(), conversation.getCreatedAt());
    }

    static String orderKey(long chatId, java.time.Instant createdAt) {
        return chatId + "-" + createdAt.toEpochMilli();
    }

    /** The same audience without {@code userId} (who caused the event). */
    public Audience without(long userId) {
        return isRoom() ? this
                : new Audience(chatId, kind, memberIds.stream().filter(id -> id != userId).toList(), orderKey);
    }

    public boolean isRoom() {
        return kind == ConversationKind.ROOM;
    }

    /** In a direct chat, the member who is not {@code userId}. */
    public long otherMember(long userId) {
        return memberIds.stream().filter(id -> id != userId).findFirst().orElse(userId);
    }
}
