package dev.parley.chat;

import java.util.List;

/**
 * Who hears about events of a conversation: every member of a direct chat or a
 * group (by user), or whoever joined a room (by the room's channel; members are
 * not listed, rooms may be large).
 */
public record Audience(long chatId, ConversationKind kind, List<Long> memberIds) {

    public boolean isRoom() {
        return kind == ConversationKind.ROOM;
    }

    /** In a direct chat, the member who is not {@code userId}. */
    public long otherMember(long userId) {
        return memberIds.stream().filter(id -> id != userId).findFirst().orElse(userId);
    }
}
