package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves a member's watermarks: reading a message reads everything before it too,
 * and what is read has been delivered.
 */
@ApplicationScoped
public class Reads {

    private final MessageRepository messages;
    private final MemberRepository members;
    private final ChatAccess access;
    private final DeliveredWatermarks delivered;

    Reads(MessageRepository messages, MemberRepository members, ChatAccess access, DeliveredWatermarks delivered) {
        this.messages = messages;
        this.members = members;
        this.access = access;
        this.delivered = delivered;
    }

    /** {@code read}: the message and everything before it. */
    @WithTransaction
    public Uni<ReadReceipt> markRead(Caller reader, long messageId) {
        return messages.findById(messageId)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No message " + messageId))
                .chain(message -> access.requireMember(reader, message.getConversationId())
                        .onFailure(ChatException.class).transform(refused -> new ChatException(ErrorCode.FORBIDDEN,
                                "Message " + messageId + " is not in one of your conversations"))
                        .call(conversation -> access.requireReach(reader, conversation))
                        .chain(access::audience)
                        .chain(audience -> message.isFrom(reader.id())
                                ? Uni.createFrom().item(new ReadReceipt(audience, reader.id(), message.getSeq(),
                                        message, false, false))
                                : advance(audience, reader.id(), message.getSeq(), message)));
    }

    /** {@code read_messages}: everything in the chat so far. */
    @WithTransaction
    public Uni<ReadReceipt> markAllRead(Caller reader, long chatId) {
        return access.requireSpeaker(reader, chatId)
                .chain(conversation -> access.audience(conversation)
                        .chain(audience -> advance(audience, reader.id(), conversation.getLastSeq(), null)));
    }

    private Uni<ReadReceipt> advance(Audience audience, long readerId, long seq, Message message) {
        return delivered.advance(audience.chatId(), readerId, seq)
                .chain(deliveredToo -> members.advanceRead(audience.chatId(), readerId, seq)
                        .map(advanced -> new ReadReceipt(audience, readerId, seq, message, advanced, deliveredToo)));
    }
}
