package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Edits and (soft) deletes: only by the message's sender, or an admin. */
@ApplicationScoped
public class MessageEdits {

    private final MessageRepository messages;
    private final MessageContent content;
    private final ChatAccess access;
    private final ConversationRepository conversations;

    MessageEdits(MessageRepository messages, MessageContent content, ChatAccess access,
                 ConversationRepository conversations) {
        this.conversations = conversations;
        this.messages = messages;
        this.content = content;
        this.access = access;
    }

    @WithTransaction
    public Uni<EditedMessage> edit(Caller caller, long messageId, String rawContent) {
        return Uni.createFrom().item(() -> content.clean(rawContent))
                .chain(cleaned -> editable(caller, messageId)
                        .call(message -> conversations.nextEventSeq(message.getConversationId())
                                .invoke(eventSeq -> message.edit(cleaned, now(), eventSeq))))
                .chain(this::withAudience);
    }

    @WithTransaction
    public Uni<EditedMessage> delete(Caller caller, long messageId) {
        return editable(caller, messageId)
                .call(message -> conversations.nextEventSeq(message.getConversationId())
                        .invoke(eventSeq -> message.delete(now(), eventSeq)))
                .chain(this::withAudience);
    }

    private Uni<Message> editable(Caller caller, long messageId) {
        return messages.findById(messageId)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No message " + messageId))
                .invoke(message -> {
                    if (!message.isFrom(caller.id()) && !caller.isAdmin()) {
                        throw new ChatException(ErrorCode.FORBIDDEN, "Only its sender may change message " + messageId);
                    }
                    if (message.isDeleted()) {
                        throw new ChatException(ErrorCode.NOT_FOUND, "Message " + messageId + " was deleted");
                    }
                });
    }

    private Uni<EditedMessage> withAudience(Message message) {
        return access.require(message.getConversationId())
                .chain(access::audience)
                .map(audience -> new EditedMessage(message, audience));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
