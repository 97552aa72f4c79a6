package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Moves a member's read watermark: reading a message reads everything before it too. */
@ApplicationScoped
public class Reads {

    private final MessageRepository messages;
    private final MemberRepository members;

    Reads(MessageRepository messages, MemberRepository members) {
        this.messages = messages;
        this.members = members;
    }

    @WithTransaction
    public Uni<ReadReceipt> markRead(Caller reader, long messageId) {
        return messages.findById(messageId)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No message " + messageId))
                .chain(message -> members.isMember(message.getConversationId(), reader.id())
                        .chain(member -> {
                            if (!member) {
                                return Uni.createFrom().failure(new ChatException(ErrorCode.FORBIDDEN,
                                        "Message " + messageId + " is not in one of your conversations"));
                            }
                            if (message.getSenderId() == reader.id()) {
                                return Uni.createFrom().item(new ReadReceipt(message, reader.id(), false));
                            }
                            return members.advanceRead(message.getConversationId(), reader.id(), message.getSeq())
                                    .map(advanced -> new ReadReceipt(message, reader.id(), advanced));
                        }));
    }
}
