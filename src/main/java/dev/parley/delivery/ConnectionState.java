package dev.parley.delivery;

import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Per-connection chat state, kept in the connection's user data. */
public final class ConnectionState {

    private static final TypedKey<Long> USER = TypedKey.forLong("parley.user");
    private static final TypedKey<Set<Long>> MUTED = new TypedKey<>("parley.muted-chats");
    private static final TypedKey<Set<Long>> ROOMS = new TypedKey<>("parley.rooms");
    private static final TypedKey<HeldFrames> HELD = new TypedKey<>("parley.held");

    private ConnectionState() {
    }

    public static void init(WebSocketConnection connection, long userId) {
        connection.userData().put(USER, userId);
        connection.userData().put(MUTED, ConcurrentHashMap.newKeySet());
        connection.userData().put(ROOMS, ConcurrentHashMap.newKeySet());
    }

    public static long userId(WebSocketConnection connection) {
        return connection.userData().get(USER);
    }

    /** Chats whose live events this connection asked not to receive ({@code leave_chat} on a group). */
    public static Set<Long> muted(WebSocketConnection connection) {
        Set<Long> muted = connection.userData().get(MUTED);
        return muted == null ? Set.of() : muted;
    }

    /** From now on live frames for this connection wait (a replay is being sent) until {@link Delivery#release}. */
    public static void hold(WebSocketConnection connection) {
        connection.userData().put(HELD, new HeldFrames());
    }

    static HeldFrames held(WebSocketConnection connection) {
        return connection.userData().get(HELD);
    }

    static HeldFrames unhold(WebSocketConnection connection) {
        return connection.userData().remove(HELD);
    }

    /** Rooms this connection has joined. */
    public static Set<Long> rooms(WebSocketConnection connection) {
        Set<Long> rooms = connection.userData().get(ROOMS);
        return rooms == null ? Set.of() : rooms;
    }
}
