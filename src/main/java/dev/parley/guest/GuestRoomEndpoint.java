package dev.parley.guest;

import dev.parley.chat.StoredMessage;
import dev.parley.cluster.Session;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.error.Outages;
import dev.parley.gateway.Guards;
import dev.parley.limits.FloodGuard;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.Objects;

/**
 * A guest room connection (seeds 002 and 003): no token, a display name and a
 * room in the path. On open: the room's last messages oldest first, then live
 * traffic, and everyone else hears {@code user_joined}; on close they hear
 * {@code user_left}. Frames use seed 002's shapes ({@link GuestWire}); the
 * session, delivery and limits are the chat endpoints' own. A name a live
 * connection holds in the room is refused: an error frame, then close 4409.
 */
public abstract class GuestRoomEndpoint {

    /** The room or the name is not valid. */
    public static final CloseReason INVALID = new CloseReason(4400, "invalid room or name");
    /** A live connection holds the name in this room (or an account has it). */
    public static final CloseReason NAME_TAKEN = new CloseReason(4409, "name taken");

    private static final TypedKey<GuestRooms.Seat> SEAT = new TypedKey<>("parley.guest-seat");

    private final GuestEndpoints parts;

    protected GuestRoomEndpoint(GuestEndpoints parts) {
        this.parts = parts;
    }

    /** Whether a frame that is not JSON is a message (seed 003's clients send plain text). */
    protected abstract boolean plainText();

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return parts.guests().identify(connection.pathParam("username"))
                .call(guest -> parts.sessions().open(connection, guest, parts.wire()))
                .chain(guest -> parts.rooms().enter(Session.of(connection), connection.pathParam("room"),
                        address(connection)))
                .chain(entered -> {
                    connection.userData().put(SEAT, entered.seat());
                    return sendAll(connection, entered.backlog())
                            .invoke(() -> parts.sessions().live(connection, entered.covered()))
                            .chain(() -> parts.rooms().announce(entered));
                })
                .onFailure().recoverWithUni(failure -> refuse(connection, failure));
    }

    @OnTextMessage
    public Uni<Void> receive(String text, WebSocketConnection connection) {
        Session session = Session.of(connection);
        GuestRooms.Seat seat = connection.userData().get(SEAT);
        if (seat == null || connection.isClosed() || session.state().compareTo(Session.State.CLOSING) >= 0) {
            return Uni.createFrom().voidItem();
        }
        session.heard();
        if (!session.admitFrame()) {
            return parts.guards().close(connection, FloodGuard.FLOODING);
        }
        return parts.draining().track(Uni.createFrom().item(() -> parts.requests().content(text, plainText()))
                .chain(content -> content == null ? Uni.createFrom().voidItem() : parts.rooms().say(seat, content))
                .onFailure().recoverWithUni(failure -> connection.sendText(parts.wire().error(refusal(failure)))));
    }

    /** 1009 for a message over the size limit, else 1011 ({@link Guards#failed}). */
    @OnError
    public Uni<Void> failed(IllegalStateException failure, WebSocketConnection connection) {
        return parts.guards().failed(failure, connection);
    }

    @OnPongMessage
    public Uni<Void> pong(Buffer data, WebSocketConnection connection) {
        return parts.guards().heard(connection);
    }

    @OnBinaryMessage
    public Uni<Void> receiveBinary(Buffer data, WebSocketConnection connection) {
        return parts.guards().close(connection, Guards.BINARY);
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        GuestRooms.Seat seat = connection.userData().get(SEAT);
        return parts.sessions().close(connection)
                .chain(() -> seat == null ? Uni.createFrom().voidItem() : parts.rooms().leave(seat));
    }

    private Uni<Void> sendAll(WebSocketConnection connection, List<StoredMessage> backlog) {
        return Multi.createFrom().iterable(backlog)
                .map(parts.wire()::message).filter(Objects::nonNull)
                .onItem().transformToUniAndConcatenate(connection::sendText)
                .collect().last().replaceWithVoid();
    }

    /** An error frame a browser's page ignores but a client can read, then a close code a browser can read. */
    private Uni<Void> refuse(WebSocketConnection connection, Throwable failure) {
        ChatException refusal = refusal(failure);
        CloseReason reason = switch (refusal.code()) {
            case CONFLICT -> NAME_TAKEN;
            case INVALID_FIELD -> INVALID;
            case UNAVAILABLE -> new CloseReason(1013, "try again later");
            default -> Guards.INTERNAL;
        };
        return connection.sendText(parts.wire().error(refusal)).onFailure().recoverWithNull()
                .chain(() -> parts.guards().close(connection, reason));
    }

    private static ChatException refusal(Throwable failure) {
        if (failure instanceof ChatException refusal) {
            return refusal;
        }
        if (Outages.isOutage(failure)) {
            Log.warnf("A guest's request failed on an outage: %s", failure.getMessage());
            return new ChatException(ErrorCode.UNAVAILABLE, "Temporarily unavailable, please retry");
        }
        Log.errorf(failure, "A guest's request failed");
        return new ChatException(ErrorCode.INTERNAL_ERROR, "Internal error, please retry");
    }

    /** The client's address (as the handshake limit sees it), without the port. */
    private static String address(WebSocketConnection connection) {
        String remote = connection.handshakeRequest().remoteAddress();
        int port = remote == null ? -1 : remote.lastIndexOf(':');
        return remote == null ? "unknown" : port > 0 ? remote.substring(0, port) : remote;
    }
}
