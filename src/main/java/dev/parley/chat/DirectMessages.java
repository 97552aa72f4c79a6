package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Sends 1:1 messages: validates, stores with the next seq, and makes retries idempotent. */
@ApplicationScoped
public class DirectMessages {

    private static final String CLIENT_ID_CONSTRAINT = "messages_client_id_unique";

    private final MessageContent content;
    private final UserRepository users;
    private final ConversationRepository conversations;
    private final MessageRepository messages;

    DirectMessages(MessageContent content, UserRepository users, ConversationRepository conversations,
                   MessageRepository messages) {
        this.content = content;
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
    }

    /**
     * Stores the message and completes after the commit, so whatever the caller then
     * confirms is durable. A retry (same sender, same {@code client_msg_id}) completes
     * with the original message, also when the two attempts raced.
     */
    public Uni<SentMessage> send(Caller sender, long recipientId, String rawContent, String rawClientMsgId) {
        return Uni.createFrom().item(() -> new Draft(sender.id(), recipientId, content.clean(rawContent),
                        content.clientMsgId(rawClientMsgId)))
                .chain(draft -> Panache.withTransaction(() -> sendInTransaction(draft))
                        .onFailure(DirectMessages::isClientIdConflict)
                        .recoverWithUni(() -> Panache.withSession(() -> original(draft))));
    }

    private record Draft(long senderId, long recipientId, String content, String clientMsgId) {
    }

    private Uni<SentMessage> sendInTransaction(Draft draft) {
        if (draft.recipientId() == draft.senderId()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_RECIPIENT, "You cannot message yourself"));
        }
        Uni<SentMessage> previous = draft.clientMsgId() == null ? Uni.createFrom().nullItem() : original(draft);
        return previous.chain(found -> found != null ? Uni.createFrom().item(found) : store(draft));
    }

    private Uni<SentMessage> store(Draft draft) {
        return users.findById(draft.recipientId())
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.UNKNOWN_RECIPIENT,
                        "Unknown recipient " + draft.recipientId()))
                .chain(() -> conversations.openDirect(draft.senderId(), draft.recipientId()))
                .chain(conversationId -> conversations.nextSeq(conversationId)
                        .chain(seq -> messages.persist(new Message(conversationId, seq, draft.senderId(),
                                draft.content(), draft.clientMsgId(), Instant.now().truncatedTo(ChronoUnit.MILLIS)))))
                .map(message -> new SentMessage(message, draft.recipientId(), false));
    }

    /** The message a previous attempt with the same client_msg_id stored, or null. */
    private Uni<SentMessage> original(Draft draft) {
        return messages.findByClientMsgId(draft.senderId(), draft.clientMsgId())
                .onItem().ifNotNull().transformToUni(message -> conversations.findById(message.getConversationId())
                        .map(conversation -> new SentMessage(message,
                                conversation.otherMember(draft.senderId()), true)));
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
