package dev.parley.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which conversation two users share, remembered once known: a pair's direct
 * conversation never changes, so after the first message a 1:1 send needs no
 * lookup. Bounded ({@code parley.chat.direct-chat-cache-size}), least recently
 * used pairs first out; a pair that fell out is looked up again.
 */
@ApplicationScoped
class DirectChats {

    private final Cache<String, Long> chats;

    DirectChats(ChatConfig config) {
        this.chats = Caffeine.newBuilder().maximumSize(config.directChatCacheSize()).build();
    }

    /** The pair's conversation id when this replica knows it, else null. */
    Long known(long a, long b) {
        return chats.getIfPresent(Conversation.directKey(a, b));
    }

    void remember(long a, long b, long chatId) {
        chats.put(Conversation.directKey(a, b), chatId);
    }
}
