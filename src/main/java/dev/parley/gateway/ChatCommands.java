package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.DirectMessages;
import dev.parley.chat.Message;
import dev.parley.chat.Reads;
import dev.parley.chat.SentMessage;
import dev.parley.delivery.Delivery;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.protocol.ClientFrame;
import dev.parley.protocol.ServerFrame;
import dev.parley.user.UserService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Carries out client frames: calls the chat services, answers the sending
 * connection directly, and hands every event for other connections to
 * {@link Delivery} (which goes through the broker, also for the caller's own
 * other connections).
 */
@ApplicationScoped
public class ChatCommands {

    private final DirectMessages directMessages;
    private final Reads reads;
    private final UserService users;
    private final Delivery delivery;

    ChatCommands(DirectMessages directMessages, Reads reads, UserService users, Delivery delivery) {
        this.directMessages = directMessages;
        this.reads = reads;
        this.users = users;
        this.delivery = delivery;
    }

    /** Answers with the stored message (the confirmation) only after it was committed. */
    Uni<ServerFrame> send(Caller sender, ClientFrame.SendMessage frame, String connectionId) {
        return directMessages.send(sender, frame.recipientId(), frame.content(), frame.clientMsgId())
                .map(sent -> {
                    ServerFrame.ChatMessage event = messageFrame(sender, sent);
                    if (!sent.replay()) {
                        Log.infof("Message %d from %d to %d", event.id(), sender.id(), sent.recipientId());
                        delivery.toUsers(List.of(sent.recipientId(), sender.id()), event, connectionId)
                                .subscribe().with(ignored -> { });
                    }
                    return event;
                });
    }

    /** Forwards a typing state to the recipient; nothing is stored and nothing is answered. */
    Uni<ServerFrame> typing(Caller caller, ClientFrame.Typing frame) {
        if (frame.recipientId() == caller.id()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_RECIPIENT, "You cannot type to yourself"));
        }
        return users.exists(frame.recipientId())
                .chain(exists -> exists
                        ? delivery.toUsers(List.of(frame.recipientId()),
                                new ServerFrame.Typing(caller.id(), caller.username(), frame.isTyping(), Instant.now()), null)
                        : Uni.createFrom().failure(new ChatException(ErrorCode.UNKNOWN_RECIPIENT,
                                "Unknown recipient " + frame.recipientId())))
                .replaceWith((ServerFrame) null);
    }

    /** Tells the sender of the message, and the reader's other connections, that it was read. */
    Uni<ServerFrame> read(Caller reader, ClientFrame.Read frame, String connectionId) {
        return reads.markRead(reader, frame.messageId())
                .invoke(receipt -> {
                    if (receipt.advanced()) {
                        Message message = receipt.message();
                        var event = new ServerFrame.Read(message.getId(), message.getConversationId(), reader.id(),
                                Instant.now());
                        delivery.toUsers(List.of(message.getSenderId(), reader.id()), event, connectionId)
                                .subscribe().with(ignored -> { });
                    }
                })
                .replaceWith((ServerFrame) null);
    }

    private static ServerFrame.ChatMessage messageFrame(Caller sender, SentMessage sent) {
        Message message = sent.message();
        return new ServerFrame.ChatMessage(message.getId(), message.getConversationId(), message.getSeq(),
                message.getSenderId(), sender.username(), sender.avatarUrl(), sent.recipientId(),
                message.getContent(), message.getClientMsgId(), message.getCreatedAt());
    }
}
