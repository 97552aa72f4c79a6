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
 * with the conversation's next seq, and makes retries idempotent.
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

    Messages(MessageContent content, UserRepository users, ConversationRepository conversations,
             MessageRepository messages, ChatAccess access, ChatMetrics metrics) {
        this.metrics = metrics;
        this.content = content;
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
    }

    /** A 1:1 message; the pair's conversation is created on first use. */
    public Uni<SentMessage> sendDirect(Caller sender, long recipientId, String rawContent, String clientMsgId) {
        return send(sender, rawContent, clientMsgId, () -> {
            if (recipientId == sender.id()) {
                return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_RECIPIENT,
                        "You cannot message yourself"));
            }
            return users.findById(recipientId)
                    .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.UNKNOWN_RECIPIENT,
                            "Unknown recipient " + recipientId))
                    .chain(() -> conversations.openDirect(sender.id(), recipientId))
                    .chain(conversations::findById);
        });
    }

    /** A message to a conversation the sender is a member of. */
    public Uni<SentMessage> sendToChat(Caller sender, long chatId, String rawContent, String clientMsgId) {
        return send(sender, rawContent, clientMsgId, () -> access.requireMember(sender, chatId));
    }

    /**
     * Completes after the commit, so whatever the caller then confirms is durable.
     * A retry (same sender, same {@code client_msg_id}) completes with the original,
     * also when the two attempts raced and the loser hit the unique constraint.
     */
    private Uni<SentMessage> send(Caller sender, String rawContent, String rawClientMsgId,
                                  Supplier<Uni<Conversation>> target) {
        return Uni.createFrom().item(() -> new Draft(sender.id(), content.clean(rawContent),
                        content.clientMsgId(rawClientMsgId)))
                .chain(draft -> metrics.timePersist(Panache.withTransaction(() -> previous(draft)
                                .chain(found -> found != null ? Uni.createFrom().item(found)
                                        : target.get().chain(conversation -> store(conversation, draft)))))
                        .onFailure(Messages::isClientIdConflict)
                        .recoverWithUni(() -> Panache.withSession(() -> previous(draft))));
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
