package dev.parley.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One page of history, newest first. When {@code hasMore}, ask again with
 * {@code before_seq=nextBeforeSeq} for older messages.
 */
@RegisterForReflection
public record HistoryPage(Long chatId, List<MessageView> messages, boolean hasMore, Long nextBeforeSeq) {

    static HistoryPage empty() {
        return new HistoryPage(null, List.of(), false, null);
    }
}
