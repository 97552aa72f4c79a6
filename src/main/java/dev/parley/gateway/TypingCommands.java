package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.ChatAccess;
import dev.parley.chat.DirectChatIds;
import dev.parley.cluster.Delivery;
import dev.parley.cluster.Route;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import dev.parley.policy.Reach;
import dev.parley.protocol.ClientFrame;
import dev.parley.protocol.ServerFrame;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import dev.parley.cluster.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * {@code typing}: forwarded to the recipient (by {@code recipient_id}, with their
 * direct chat's id once they have one) or the other members of a chat (by
 * {@code chat_id}); never stored, never answered.
 */
@ApplicationScoped
public class TypingCommands {

    private final TypingTracker tracker;
    private final ChatAccess access;
    private final ChatEvents events;
    private final Delivery delivery;
    private final Reach reach;
    private final DirectChatIds directChats;

    TypingCommands(TypingTracker tracker, ChatAccess access, ChatEvents events, Delivery delivery,
                   Reach reach, DirectChatIds directChats) {
        this.reach = reach;
        this.directChats = directChats;
        this.tracker = tracker;
        this.access = access;
        this.events = events;
        this.delivery = delivery;
    }

    Uni<ServerFrame> typing(Caller caller, ClientFrame.Typing frame, Session session) {
        if (frame.recipientId() != null) {
            return toUser(caller, frame.recipientId(), frame.isTyping()).replaceWith((ServerFrame) null);
        }
        long chatId = MessageCommands.chatOf(frame, session);
        return toChat(caller, chatId, frame.isTyping(), session.id()).replaceWith((ServerFrame) null);
    }

    private Uni<Void> toUser(Caller caller, long recipientId, boolean typing) {
        if (recipientId == caller.id()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_RECIPIENT, "You cannot type to yourself"));
        }
        return reach.requireRecipient(caller.id(), recipientId).chain(() -> directChats.of(caller.id(), recipientId))
                // The chat, once there is one, so that clients that place typing by chat_id (seed 001) can.
                .chain(chatId -> forward(caller, new TypingTracker.Key.ToUser(caller.id(), recipientId), typing,
                        state -> delivery.toUsers(List.of(recipientId), frame(chatId, caller, state), Route.DIRECT)));
    }

    @WithSession
    Uni<Void> toChat(Caller caller, long chatId, boolean typing, String connectionId) {
        return access.requireSpeaker(caller, chatId).chain(access::audience).chain(audience -> forward(caller,
                new TypingTracker.Key.InChat(caller.id(), chatId), typing,
                state -> events.toChat(audience.without(caller.id()), frame(chatId, caller, state),
                        Route.of(chatId).skipping(connectionId))));
    }

    /** Forwards a start (throttled) or a stop (if one was typing); schedules the automatic stop. */
    private Uni<Void> forward(Caller caller, TypingTracker.Key key, boolean typing,
                              java.util.function.Function<Boolean, Uni<Void>> send) {
        if (!typing) {
            return tracker.stop(key) ? send.apply(false) : Uni.createFrom().voidItem();
        }
        boolean now = tracker.start(key, () -> send.apply(false).subscribe().with(ok -> { },
                failure -> Log.debugf("Typing expiry of %d not sent: %s", caller.id(), failure.getMessage())));
        return now ? send.apply(true) : Uni.createFrom().voidItem();
    }

    private static ServerFrame frame(Long chatId, Caller caller, boolean typing) {
        return new ServerFrame.Typing(chatId, caller.id(), caller.username(), typing, Instant.now());
    }
}
