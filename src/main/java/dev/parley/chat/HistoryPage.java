package dev.parley.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One page of history. Paging back ({@code before_seq}, the default) lists the
 * newest first and says {@code next_before_seq}; paging forward
 * ({@code after_seq}) lists the oldest first and says {@code next_after_seq}.
 */
@RegisterForReflection
public record HistoryPage(Long chatId, List<MessageView> messages, boolean hasMore, Long nextBeforeSeq,
                          Long nextAfterSeq) {

    static HistoryPage empty() {
        return new HistoryPage(null, List.of(), false, null, null);
    }
}
