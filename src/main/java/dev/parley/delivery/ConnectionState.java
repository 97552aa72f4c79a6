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
    }

    public static long userId(WebSocketConnection connection) {
        return connection.userData().get(USER);
    }

    /** Chats whose live events this connection asked not to receive ({@code leave_chat} on a group); to change. */
    public static Set<Long> muted(WebSocketConnection connection) {
        return setOf(connection, MUTED);
    }

    /** Whether this connection muted the chat; reads without creating anything. */
    static boolean isMuted(WebSocketConnection connection, long chatId) {
        Set<Long> muted = connection.userData().get(MUTED);
        return muted != null && muted.contains(chatId);
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
        return setOf(connection, ROOMS);
    }

    /**
     * A set created on first use: most connections never join a room or mute a
     * chat, and an empty concurrent set per connection is memory for nothing.
     * Only the connection's own frames change these, one at a time, so two first
     * uses cannot race; deliveries read with {@link #isMuted}.
     */
    private static Set<Long> setOf(WebSocketConnection connection, TypedKey<Set<Long>> key) {
        Set<Long> set = connection.userData().get(key);
        if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            connection.userData().put(key, set);
        }
        return set;
    }
}
