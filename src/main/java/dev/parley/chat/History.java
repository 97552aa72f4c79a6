package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import dev.parley.user.User;
import dev.parley.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Pages through stored messages; only members read a conversation. */
@ApplicationScoped
public class History {

    private final ChatConfig config;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ChatAccess access;
    private final UserRepository users;

    History(ChatConfig config, ConversationRepository conversations, MessageRepository messages, ChatAccess access,
            UserRepository users) {
        this.config = config;
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.users = users;
    }

    /** The caller's 1:1 history with another user, newest first. */
    @WithSession
    public Uni<HistoryPage> direct(Caller caller, long otherUserId, Long beforeSeq, Integer limit) {
        return Uni.createFrom().item(() -> pageSize(limit))
                .chain(size -> conversations.findDirect(caller.id(), otherUserId)
                        .chain(conversation -> conversation == null ? Uni.createFrom().item(HistoryPage.empty())
                                : backwards(conversation.getId(), beforeSeq, size)));
    }

    /** A conversation's history: back from {@code beforeSeq} (default: the newest) or forward from {@code afterSeq}. */
    @WithSession
    public Uni<HistoryPage> chat(Caller caller, long chatId, Long beforeSeq, Long afterSeq, Integer limit) {
        return Uni.createFrom().item(() -> pageSize(limit))
                .call(size -> access.requireMember(caller, chatId))
                .chain(size -> {
                    if (beforeSeq != null && afterSeq != null) {
                        throw new ChatException(ErrorCode.INVALID_FIELD, "Give before_seq or after_seq, not both");
                    }
                    return afterSeq != null ? forwards(chatId, afterSeq, size) : backwards(chatId, beforeSeq, size);
                });
    }

    /** The newest {@code limit} messages of a conversation, oldest first (a room's backlog). */
    @WithSession
    public Uni<List<MessageView>> latest(long chatId, int limit) {
        return messages.pageBefore(chatId, Long.MAX_VALUE, limit)
                .chain(found -> withSenders(found.reversed()))
                .map(found -> found.stream().map(MessageView::of).toList());
    }

    /** Like {@link #latest} with each sender's name and avatar, for frames that carry them. */
    @WithSession
    public Uni<List<StoredMessage>> latestWithSenders(long chatId, int limit) {
        return messages.pageBefore(chatId, Long.MAX_VALUE, limit).chain(found -> withSenders(found.reversed()));
    }

    /** Up to {@code limit} messages after {@code seq}, oldest first, with their senders. */
    Uni<List<StoredMessage>> after(long chatId, long seq, int limit) {
        return messages.pageAfter(chatId, seq, limit).chain(this::withSenders);
    }

    private Uni<List<StoredMessage>> withSenders(List<Message> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> senders = found.stream().map(Message::getSenderId).filter(Objects::nonNull).distinct().toList();
        return users.list("id in ?1", senders).map(known -> {
            Map<Long, User> byId = known.stream().collect(Collectors.toMap(User::getId, user -> user));
            return found.stream().map(message -> {
                User sender = message.isSystem() ? null : byId.get(message.getSenderId());
                return new StoredMessage(message, sender == null ? null : sender.getUsername(),
                        sender == null ? null : sender.getAvatarUrl());
            }).toList();
        });
    }

    private Uni<HistoryPage> backwards(long chatId, Long beforeSeq, int size) {
        if (beforeSeq != null && beforeSeq < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "before_seq must be positive");
        }
        return messages.pageBefore(chatId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, size + 1)
                .chain(this::withSenders)
                .map(found -> {
                    boolean more = found.size() > size;
                    List<MessageView> page = views(found, size);
                    return new HistoryPage(chatId, page, more, more ? page.getLast().seq() : null, null);
                });
    }

    private Uni<HistoryPage> forwards(long chatId, long afterSeq, int size) {
        if (afterSeq < 0) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "after_seq must not be negative");
        }
        return messages.pageAfter(chatId, afterSeq, size + 1)
                .chain(this::withSenders)
                .map(found -> {
                    boolean more = found.size() > size;
                    List<MessageView> page = views(found, size);
                    return new HistoryPage(chatId, page, more, null, more ? page.getLast().seq() : null);
                });
    }

    private static List<MessageView> views(List<StoredMessage> found, int size) {
        return found.stream().limit(size).map(MessageView::of).toList();
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
}
