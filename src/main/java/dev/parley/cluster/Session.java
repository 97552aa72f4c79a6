package dev.parley.cluster;

import dev.parley.auth.Caller;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.ServerFrame;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Everything one chat connection has, under one {@code userData} key: who opened
 * it, where it is in its life, what it may still be sent, and its own limits.
 * Its life is {@link State}: only {@link #advance} moves it, and only forwards,
 * so a release runs once whichever of the close paths (a close frame, a dead
 * peer, a slow consumer, a deleted user) gets there first.
 */
public final class Session {

    private static final TypedKey<Session> KEY = new TypedKey<>("parley.session");

    /** Opened: live frames wait. Live: after {@code connected}. Closing: condemned. Released: nothing held. */
    public enum State { OPENED, LIVE, CLOSING, RELEASED }

    private final WebSocketConnection connection;
    private final Link link;
    private final Caller caller;
    private final long openedAt = System.nanoTime();
    private final AtomicReference<State> state = new AtomicReference<>(State.OPENED);
    /** Frames handed to the socket and not yet written, plus frames held back: the outbound bound counts both. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Takes one of the peer's frames from its rate; false when it went over. */
    private final BooleanSupplier frames;
    /** How frames are written to this connection: its endpoint's protocol. */
    private final Dialect dialect;
    private volatile HeldFrames held = new HeldFrames();
    private volatile long heardAt = System.currentTimeMillis();
    private volatile Long defaultRoom;
    // Created on first use: most connections never join a room or mute a chat.
    private volatile Set<Long> muted;
    private volatile Set<Long> rooms;
    private volatile Runnable abort = () -> { };
    private volatile boolean closeWritten;

    private Session(WebSocketConnection connection, Link link, Caller caller, BooleanSupplier frames, Dialect dialect) {
        this.connection = connection;
        this.link = link;
        this.caller = caller;
        this.frames = frames;
        this.dialect = dialect;
    }

    /** Creates the connection's session; frames delivered to it wait until {@link Node#live}. */
    public static Session open(WebSocketConnection connection, Caller caller, BooleanSupplier frames,
                               Dialect dialect) {
        Session session = new Session(connection, Link.of(connection), caller, frames, dialect);
        connection.userData().put(KEY, session);
        return session;
    }

    /**
     * Creates the session of a connection that is not one websockets-next
     * connection (a dialect with its own transports, such as Socket.IO): its
     * frames go through {@code link}, and its endpoint keeps hold of it.
     */
    public static Session open(Link link, Caller caller, BooleanSupplier frames, Dialect dialect) {
        return new Session(null, link, caller, frames, dialect);
    }

    /** A session without a connection: its life and holding on their own (unit tests). */
    static Session detached(Caller caller, BooleanSupplier frames) {
        return new Session(null, null, caller, frames, null);
    }

    /** The session of a chat connection, or null before it opened. */
    public static Session of(WebSocketConnection connection) {
        return connection.userData().get(KEY);
    }

    /** The websockets-next connection, or null for a session on a {@link #open(Link, Caller, BooleanSupplier) link}. */
    public WebSocketConnection connection() {
        return connection;
    }

    /** Where its frames are written. */
    public Link link() {
        return link;
    }

    public String id() {
        return link == null ? "detached" : link.id();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Writes a frame built on this replica to the link in the session's dialect; nothing when it has none. */
    public Uni<Void> write(ServerFrame frame) {
        String text = dialect.encode(frame);
        return text == null ? Uni.createFrom().voidItem() : link.send(text);
    }

    public Caller caller() {
        return caller;
    }

    public long userId() {
        return caller.id();
    }

    public long openedAt() {
        return openedAt;
    }

    public State state() {
        return state.get();
    }

    /** Moves the life forward to {@code next}; false when it already is there or beyond. */
    public boolean advance(State next) {
        State current;
        do {
            current = state.get();
            if (current.compareTo(next) >= 0) {
                return false;
            }
        } while (!state.compareAndSet(current, next));
        return true;
    }

    /** Counts a frame of the peer's; false when the connection went over its frame rate. */
    public boolean admitFrame() {
        return frames.getAsBoolean();
    }

    /** Anything the peer sent (a frame or a pong) shows it is alive. */
    public void heard() {
        heardAt = System.currentTimeMillis();
    }

    /** How to drop the TCP connection at once, when a close frame cannot get through. */
    public void abortWith(Runnable abort) {
        this.abort = abort;
    }

    void abort() {
        abort.run();
    }

    /** The close frame was written. */
    void closed() {
        closeWritten = true;
    }

    /** A close was asked for and its frame has not been written. */
    boolean abortPending() {
        return !closeWritten;
    }

    public long heardAt() {
        return heardAt;
    }

    public Long defaultRoom() {
        return defaultRoom;
    }

    public void defaultRoom(long chatId) {
        this.defaultRoom = chatId;
    }

    /** Chats whose live events this connection asked not to receive ({@code leave_chat} on a group). */
    public Set<Long> muted() {
        if (muted == null) {
            muted = ConcurrentHashMap.newKeySet();
        }
        return muted;
    }

    boolean isMuted(long chatId) {
        Set<Long> chats = muted;
        return chats != null && chats.contains(chatId);
    }

    /** Rooms this connection has joined. Only its own frames change this, one at a time. */
    public Set<Long> rooms() {
        if (rooms == null) {
            rooms = ConcurrentHashMap.newKeySet();
        }
        return rooms;
    }

    /** From now on live frames wait (a replay is being sent) until {@link Delivery#release}. */
    public synchronized void hold() {
        if (held == null) {
            held = new HeldFrames();
        }
    }

    HeldFrames held() {
        return held;
    }

    synchronized HeldFrames unhold() {
        HeldFrames frames = held;
        held = null;
        return frames;
    }

    AtomicInteger pending() {
        return pending;
    }
}
