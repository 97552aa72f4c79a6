package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Pages through the caller's 1:1 conversation with another user. */
@ApplicationScoped
public class DirectHistory {

    private final ChatConfig config;
    private final ConversationRepository conversations;
    private final MessageRepository messages;

    DirectHistory(ChatConfig config, ConversationRepository conversations, MessageRepository messages) {
        this.config = config;
        this.conversations = conversations;
        this.messages = messages;
    }

    @WithSession
    public Uni<HistoryPage> page(Caller caller, long otherUserId, Long beforeSeq, Integer limit) {
        int size = pageSize(limit);
        if (beforeSeq != null && beforeSeq < 1) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_FIELD, "before_seq must be positive"));
        }
        return conversations.findDirect(caller.id(), otherUserId).chain(conversation -> conversation == null
                ? Uni.createFrom().item(HistoryPage.empty())
                : messages.pageBefore(conversation.getId(), beforeSeq == null ? Long.MAX_VALUE : beforeSeq, size + 1)
                        .map(found -> page(conversation.getId(), found, size)));
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return config.historyDefaultLimit();
        }
        if (limit < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "limit must be at least 1");
        }
        return Math.min(limit, config.historyMaxLimit());
    }

    private static HistoryPage page(long chatId, List<Message> found, int size) {
        boolean hasMore = found.size() > size;
        List<MessageView> views = found.stream().limit(size).map(MessageView::of).toList();
        return new HistoryPage(chatId, views, hasMore, hasMore ? views.getLast().seq() : null);
    }
}
