package dev.parley.events;

import dev.parley.auth.Caller;
import dev.parley.chat.Audience;
import dev.parley.chat.ConversationKind;
import dev.parley.chat.EditedMessage;
import dev.parley.chat.MembershipChange;
import dev.parley.chat.Message;
import dev.parley.chat.ReadReceipt;
import dev.parley.chat.Replay;
import dev.parley.chat.SentMessage;
import dev.parley.chat.StoredMessage;
import dev.parley.cluster.Delivery;
import dev.parley.cluster.Route;
import dev.parley.protocol.ServerFrame;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tells a conversation's audience what happened in it, whether the change came
 * over WebSocket or REST: direct chats and groups by their members' user
 * channels, rooms by one publish on the room's channel.
 */
@ApplicationScoped
public class ChatEvents {

    private final Delivery delivery;

    ChatEvents(Delivery delivery) {
        this.delivery = delivery;
    }

    /**
     * The frame a stored message travels as: {@code message} in a direct chat,
     * {@code new_message} elsewhere and for a system message ({@code sender} null).
     */
    public ServerFrame messageFrame(SentMessage sent, Caller sender) {
        Message message = sent.message();
        Audience audience = sent.audience();
        if (sender == null) {
            return new ServerFrame.NewMessage(audience.chatId(), body(message, null, null), null, Instant.now());
        }
        if (audience.kind() == ConversationKind.DIRECT) {
            return new ServerFrame.ChatMessage(message.getId(), message.getConversationId(), message.getSeq(),
                    message.getSenderId(), sender.username(), sender.avatarUrl(), audience.otherMember(sender.id()),
                    message.getContent(), message.getClientMsgId(), message.getCreatedAt());
        }
        return new ServerFrame.NewMessage(audience.chatId(), body(message, sender.username(), sender.avatarUrl()),
                null, Instant.now());
    }

    /** The frames a replay sends for a chat: its missed messages, then the edits and deletes of older ones. */
    public List<ServerFrame> replayFrames(Replay replay) {
        List<ServerFrame> frames = new ArrayList<>();
        Audience audience = replay.audience();
        for (StoredMessage stored : replay.added()) {
            Message message = stored.message();
            frames.add(audience.kind() == ConversationKind.DIRECT && !message.isSystem()
                    ? new ServerFrame.ChatMessage(message.getId(), message.getConversationId(), message.getSeq(),
                            message.getSenderId(), stored.senderUsername(), stored.senderAvatar(),
                            audience.otherMember(message.getSenderId()), message.getContent(), message.getClientMsgId(),
                            message.getCreatedAt())
                    : new ServerFrame.NewMessage(audience.chatId(), body(message, stored.senderUsername(),
                            stored.senderAvatar()), null, Instant.now()));
            if (message.isDeleted()) {
                // It keeps its place in the sequence, and the client learns it is gone.
                frames.add(new ServerFrame.MessageDeleted(audience.chatId(), message.getId(), Instant.now()));
            }
        }
        for (Message changed : replay.changed()) {
            frames.add(changed.isDeleted()
                    ? new ServerFrame.MessageDeleted(audience.chatId(), changed.getId(), Instant.now())
                    : new ServerFrame.MessageUpdated(audience.chatId(), changed.getId(), changed.getContent(),
                            changed.getEditedAt(), Instant.now()));
        }
        frames.add(new ServerFrame.Synced(audience.chatId(), replay.recovered(), replay.lastSeq(),
                replay.others().stream().map(member -> new ServerFrame.Receipts(member.getUserId(),
                        member.getLastDeliveredSeq(), member.getLastReadSeq())).toList(), Instant.now()));
        return frames;
    }

    /** A message as {@code new_message} carries it; a deleted one without content and with {@code deleted: true}. */
    public static ServerFrame.MessageBody body(Message message, String senderUsername, String senderAvatar) {
        boolean deleted = message.isDeleted();
        return new ServerFrame.MessageBody(message.getId(), message.getSeq(), deleted ? null : message.getContent(),
                message.getSenderId(), senderUsername, senderAvatar, message.getCreatedAt(), message.getMessageType(),
                message.getClientMsgId(), deleted ? Boolean.TRUE : null);
    }

    /** Everyone but {@code skipConnectionId} (answered directly); recipients' arrivals are reported to the sender. */
    public Uni<Void> messageSent(SentMessage sent, ServerFrame frame, String skipConnectionId) {
        Message message = sent.message();
        Route route = Route.of(sent.audience().chatId()).skipping(skipConnectionId)
                .inOrder(sent.audience().orderKey(), message.getSeq());
        if (!sent.audience().isRoom() && !message.isSystem()) {
            route = route.withReceipt(message.getId(), message.getSeq(), message.getSenderId());
        }
        return toChat(sent.audience(), frame, route);
    }

    public Uni<Void> messageEdited(EditedMessage edited) {
        Message message = edited.message();
        return toChat(edited.audience(), new ServerFrame.MessageUpdated(message.getConversationId(), message.getId(),
                message.getContent(), message.getEditedAt(), Instant.now()), Route.of(message.getConversationId()));
    }

    public Uni<Void> messageDeleted(EditedMessage deleted) {
        Message message = deleted.message();
        return toChat(deleted.audience(), new ServerFrame.MessageDeleted(message.getConversationId(), message.getId(),
                Instant.now()), Route.of(message.getConversationId()));
    }

    /** Everyone in the chat hears who joined; the joining connection, if any, does not (seed 002). */
    public Uni<Void> joined(MembershipChange change, String joiningConnectionId) {
        return toChat(change.audience(), new ServerFrame.UserJoined(change.audience().chatId(), change.userId(),
                change.username(), Instant.now()), Route.of(change.audience().chatId()).skipping(joiningConnectionId));
    }

    public Uni<Void> left(MembershipChange change) {
        return toChat(change.audience(), new ServerFrame.UserLeft(change.audience().chatId(), change.userId(),
                change.username(), Instant.now()), Route.of(change.audience().chatId()));
    }

    /**
     * A moved read watermark: {@code delivered} first when reading also delivered,
     * then the foundation's {@code read} to the message's sender, then
     * {@code messages_read} to the whole conversation.
     */
    public Uni<Void> read(ReadReceipt receipt, String skipConnectionId) {
        long chatId = receipt.audience().chatId();
        Message message = receipt.message();
        // A system message has no sender to tell.
        Message fromUser = message == null || message.isSystem() ? null : message;
        Uni<Void> delivered = fromUser != null && receipt.deliveredToo() && !receipt.audience().isRoom()
                ? delivered(chatId, message.getId(), receipt.readerId(), message.getSenderId())
                : Uni.createFrom().voidItem();
        if (!receipt.advanced()) {
            return delivered;
        }
        Uni<Void> read = fromUser == null ? Uni.createFrom().voidItem()
                : delivery.toUsers(Set.of(message.getSenderId(), receipt.readerId()), new ServerFrame.Read(
                        message.getId(), chatId, receipt.readerId(), Instant.now()),
                        Route.of(chatId).skipping(skipConnectionId));
        ServerFrame messagesRead = new ServerFrame.MessagesRead(chatId, receipt.readerId(), receipt.lastReadSeq(),
                Instant.now());
        return delivered.chain(() -> read)
                .chain(() -> toChat(receipt.audience(), messagesRead, Route.of(chatId).skipping(skipConnectionId)));
    }

    /** A connection of {@code userId} received {@code messageId}: tell its sender. */
    public Uni<Void> delivered(long chatId, long messageId, long userId, long senderId) {
        return delivery.toUsers(List.of(senderId), new ServerFrame.Delivered(chatId, messageId, userId, Instant.now()),
                Route.of(chatId));
    }

    public Uni<Void> toChat(Audience audience, ServerFrame frame, Route route) {
        return audience.isRoom()
                ? delivery.toRoom(audience.chatId(), frame, route)
                : delivery.toUsers(audience.memberIds(), frame, route);
    }
}
