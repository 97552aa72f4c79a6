package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.cluster.Session;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.error.Outages;
import dev.parley.error.RateLimitedException;
import dev.parley.events.PresenceEvents;
import dev.parley.metrics.LimitMetrics;
import dev.parley.protocol.ClientFrame;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Decodes a client frame and routes it by type. Whatever goes wrong becomes an
 * {@code error} frame on this connection, which stays open.
 */
@ApplicationScoped
public class FrameDispatcher {

    private final FrameCodec codec;
    private final MessageCommands messages;
    private final TypingCommands typing;
    private final ReceiptCommands receipts;
    private final MembershipCommands membership;
    private final PresenceEvents presence;
    private final SyncCommands syncs;
    private final LimitMetrics metrics;

    FrameDispatcher(FrameCodec codec, MessageCommands messages, TypingCommands typing, ReceiptCommands receipts,
                    MembershipCommands membership, PresenceEvents presence, SyncCommands syncs, LimitMetrics metrics) {
        this.metrics = metrics;
        this.syncs = syncs;
        this.codec = codec;
        this.messages = messages;
        this.typing = typing;
        this.receipts = receipts;
        this.membership = membership;
        this.presence = presence;
    }

    /** The reply for this connection, or null when there is none. */
    public Uni<ServerFrame> dispatch(String text, Session session) {
        return answer(Uni.createFrom().item(() -> codec.decode(text)), session);
    }

    /**
     * The same for a frame a dialect decodes from its own wire shapes; a refusal
     * while decoding becomes an {@code error} reply like any other.
     */
    public Uni<ServerFrame> dispatch(Supplier<ClientFrame> decoder, Session session) {
        return answer(Uni.createFrom().item(decoder), session);
    }

    private Uni<ServerFrame> answer(Uni<ClientFrame> decoded, Session session) {
        Caller caller = session.caller();
        return decoded
                .chain(frame -> route(caller, frame, session))
                .onFailure().recoverWithItem(failure -> errorFrame(caller, failure))
                .invoke(reply -> {
                    if (reply instanceof ServerFrame.Error error) {
                        metrics.errorFrame(error.code().wireName());
                    }
                });
    }

    private Uni<ServerFrame> route(Caller caller, ClientFrame frame, Session session) {
        return switch (frame) {
            case ClientFrame.SendMessage message -> messages.send(caller, message, session);
            case ClientFrame.Typing state -> typing.typing(caller, state, session);
            case ClientFrame.Read read -> receipts.read(caller, read.messageId(), session.id());
            case ClientFrame.ReadMessages read -> receipts.readAll(caller, read.chatId(), session.id());
            case ClientFrame.JoinChat join -> membership.join(caller, join.chatId(), session);
            case ClientFrame.LeaveChat leave -> membership.leave(caller, leave.chatId(), session);
            case ClientFrame.Status status -> presence.status(caller.id(), status.status())
                    .replaceWith((ServerFrame) null);
            case ClientFrame.Sync sync -> syncs.sync(caller, sync.chats(), session);
            case ClientFrame.Ping ping -> Uni.createFrom().item(new ServerFrame.Pong(Instant.now()));
        };
    }

    private static ServerFrame errorFrame(Caller caller, Throwable failure) {
        if (failure instanceof RateLimitedException limited) {
            return new ServerFrame.Error(limited.code(), limited.getMessage(), limited.retryAfterMillis(), Instant.now());
        }
        if (failure instanceof ChatException refusal) {
            Log.debugf("Refused a frame of user %d: %s", caller.id(), refusal.getMessage());
            return new ServerFrame.Error(refusal.code(), refusal.getMessage(), Instant.now());
        }
        if (Outages.isOutage(failure)) {
            Log.warnf("A frame of user %d failed on an outage: %s", caller.id(), failure.getMessage());
            return new ServerFrame.Error(ErrorCode.UNAVAILABLE, "Temporarily unavailable, please retry", Instant.now());
        }
        Log.errorf(failure, "Failed to handle a frame of user %d", caller.id());
        return new ServerFrame.Error(ErrorCode.INTERNAL_ERROR, "Internal error, please retry", Instant.now());
    }
}
