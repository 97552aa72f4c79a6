package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.metrics.ChatMetrics;
import dev.parley.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Sends messages to a user (their direct chat) or to a chat: validates, stores
 * with the conversation's next seq, and makes retries idempotent. Sends are
 * stored in batches ({@link MessageWriter}); anything unusual (a retry, a refusal,
 * a first message between two users) takes the one-by-one path.
 */
@ApplicationScoped
public class Messages {

    private static final String CLIENT_ID_CONSTRAINT = "messages_client_id_unique";

    private final MessageContent content;
    private final UserRepository users;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ChatAccess access;
    private final ChatMetrics metrics;
    private final MessageWriter writer;
    private final DirectChats directChats;

    Messages(MessageContent content, UserRepository users, ConversationRepository conversations,
             MessageRepository messages, ChatAccess access, ChatMetrics metrics, MessageWriter writer,
             DirectChats directChats) {
        this.metrics = metrics;
        this.writer = writer;
        this.directChats = directChats;
        this.content = content;
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
    }

    /** A 1:1 message; the pair's conversation is created on first use. */
    public Uni<SentMessage> sendDirect(Caller sender, long recipientId, String rawContent, String clientMsgId) {
        return draft(sender, rawContent, clientMsgId).chain(draft -> {
            Uni<SentMessage> oneByOne = storeOneByOne(draft, () -> {
                if (recipientId == sender.id()) {
                    return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_RECIPIENT,
                            "You cannot message yourself"));
                }
                return users.findById(recipientId)
                        .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.UNKNOWN_RECIPIENT,
                                "Unknown recipient " + recipientId))
                        .chain(() -> conversations.openDirect(sender.id(), recipientId))
                        .chain(conversations::findById);
            }).invoke(sent -> directChats.remember(sender.id(), recipientId, sent.audience().chatId()));
            Long chatId = directChats.known(sender.id(), recipientId);
            return chatId == null ? oneByOne : batched(chatId, draft).onItem().ifNull().switchTo(oneByOne);
        });
    }

    /** A message to a conversation the sender is a member of. */
    public Uni<SentMessage> sendToChat(Caller sender, long chatId, String rawContent, String clientMsgId) {
        return draft(sender, rawContent, clientMsgId).chain(draft -> batched(chatId, draft)
                .onItem().ifNull().switchTo(() -> storeOneByOne(draft, () -> access.requireMember(sender, chatId))));
    }

    private Uni<Draft> draft(Caller sender, String rawContent, String rawClientMsgId) {
        return Uni.createFrom().item(() -> new Draft(sender.id(), content.clean(rawContent),
                content.clientMsgId(rawClientMsgId)));
    }

    /**
     * The common case, with everyone else's sends in one statement
     * ({@link MessageWriter}); null when that did not store it (a retry, or a sender
     * who is not a member), which {@link #storeOneByOne} then tells apart.
     */
    private Uni<SentMessage> batched(long chatId, Draft draft) {
        return metrics.timePersist(writer.write(new MessageWriter.Draft(chatId, draft.senderId(), draft.content(),
                draft.clientMsgId(), Instant.now().truncatedTo(ChronoUnit.MILLIS))));
    }

    /**
     * One send in its own transaction, with every check on the way. Completes
     * after the commit, so whatever the caller then confirms is durable. A retry
     * (same sender, same {@code client_msg_id}) completes with the original, also
     * when the two attempts raced and the loser hit the unique constraint.
     */
    private Uni<SentMessage> storeOneByOne(Draft draft, Supplier<Uni<Conversation>> target) {
        return metrics.timePersist(Panache.withTransaction(() -> previous(draft)
                        .chain(found -> found != null ? Uni.createFrom().item(found)
                                : target.get().chain(conversation -> store(conversation, draft)))))
                .onFailure(Messages::isClientIdConflict)
                .recoverWithUni(() -> Panache.withSession(() -> previous(draft)));
    }

    private record Draft(long senderId, String content, String clientMsgId) {
    }

    private Uni<SentMessage> store(Conversation conversation, Draft draft) {
        return conversations.nextSlot(conversation.getId())
                .chain(slot -> messages.persist(new Message(conversation.getId(), slot.seq(), slot.eventSeq(),
                        draft.senderId(), draft.content(), draft.clientMsgId(), Instant.now().truncatedTo(ChronoUnit.MILLIS))))
                .chain(message -> access.audience(conversation)
                        .map(audience -> new SentMessage(message, audience, false)));
    }

    /** The message an earlier attempt with the same client_msg_id stored, or null. */
    private Uni<SentMessage> previous(Draft draft) {
        if (draft.clientMsgId() == null) {
            return Uni.createFrom().nullItem();
        }
        return messages.findByClientMsgId(draft.senderId(), draft.clientMsgId())
                .onItem().ifNotNull().transformToUni(message -> access.require(message.getConversationId())
                        .chain(access::audience)
                        .map(audience -> new SentMessage(message, audience, true)));
    }

    private static boolean isClientIdConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())
                    && CLIENT_ID_CONSTRAINT.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
