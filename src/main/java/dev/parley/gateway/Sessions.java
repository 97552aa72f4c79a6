package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.delivery.ConnectionState;
import dev.parley.metrics.ChatMetrics;
import dev.parley.presence.OnlineList;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** What happens when a chat connection opens and closes. */
@ApplicationScoped
public class Sessions {

    private static final TypedKey<Caller> CALLER = new TypedKey<>("parley.caller");
    private static final TypedKey<Long> DEFAULT_ROOM = TypedKey.forLong("parley.default-room");
    private static final TypedKey<AtomicBoolean> RELEASED = new TypedKey<>("parley.released");

    private final Routing routing;
    private final OnlineList onlineList;
    private final TokenExpiry expiry;
    private final ConnectionCap cap;
    private final ChatMetrics metrics;

    Sessions(Routing routing, OnlineList onlineList, TokenExpiry expiry, ConnectionCap cap,
             ChatMetrics metrics) {
        this.metrics = metrics;
        this.cap = cap;
        this.routing = routing;
        this.onlineList = onlineList;
        this.expiry = expiry;
    }

    /** The user a connection was opened by. */
    static Caller caller(WebSocketConnection connection) {
        return connection.userData().get(CALLER);
    }

    /** The room a {@code /ws/rooms/{room}} connection talks to when a frame names no chat. */
    static Long defaultRoom(WebSocketConnection connection) {
        return connection.userData().get(DEFAULT_ROOM);
    }

    static void setDefaultRoom(WebSocketConnection connection, long chatId) {
        connection.userData().put(DEFAULT_ROOM, chatId);
    }

    /**
     * Records the caller, routes their events to this replica, and answers with the
     * {@code connected} frame once both are in place, so nothing sent to them
     * after that frame can miss this connection.
     */
    Uni<ServerFrame> open(WebSocketConnection connection, Caller caller) {
        connection.userData().put(CALLER, caller);
        connection.userData().put(RELEASED, new AtomicBoolean());
        ConnectionState.init(connection, caller.id());
        expiry.watch(connection, caller.expiresAt());
        cap.opened(connection);
        metrics.opened();
        // The handshake recorded the caller's profile (DeletedUserCheck).
        return routing.connected(caller.id(), connection)
                .call(() -> cap.enforce(caller.id()))
                .map(ignored -> {
                    Log.infof("User %d connected via WebSocket (connection %s)", caller.id(), connection.id());
                    return new ServerFrame.Connected(caller.id(), caller.username(),
                            onlineList.forConnected(caller.id()), Instant.now());
                });
    }

    /** Subscribes this connection to a room's live events. */
    Uni<Void> joinRoom(WebSocketConnection connection, long chatId) {
        return ConnectionState.rooms(connection).add(chatId)
                ? routing.joinedRoom(chatId, connection)
                : Uni.createFrom().voidItem();
    }

    Uni<Void> leaveRoom(WebSocketConnection connection, long chatId) {
        return ConnectionState.rooms(connection).remove(chatId)
                ? routing.leftRoom(chatId, connection)
                : Uni.createFrom().voidItem();
    }

    /**
     * Releases what the connection held: its rooms, its user's routing and presence.
     * Runs once, whether from @OnClose or earlier for a peer closed as dead (whose
     * close handshake may never complete).
     */
    Uni<Void> close(WebSocketConnection connection) {
        var released = connection.userData().get(RELEASED);
        if (released == null || !released.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Caller caller = caller(connection);
        expiry.forget(connection);
        if (caller != null) {
            metrics.closed();
        }
        if (caller == null) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("User %d disconnected from WebSocket (connection %s)", caller.id(), connection.id());
        return Multi.createFrom().iterable(List.copyOf(ConnectionState.rooms(connection)))
                .onItem().transformToUniAndConcatenate(chatId -> routing.leftRoom(chatId, connection))
                .collect().last()
                .chain(() -> routing.disconnected(caller.id(), connection));
    }
}
