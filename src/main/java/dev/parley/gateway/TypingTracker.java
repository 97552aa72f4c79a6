package dev.parley.gateway;

import dev.parley.chat.ChatConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is typing where, on this replica. A typing state expires by itself after
 * {@code parley.chat.typing-expiry} unless renewed, and repeated typing frames are
 * forwarded at most once per {@code parley.chat.typing-min-interval}.
 */
@ApplicationScoped
public class TypingTracker {

    /** A typist and where they type: to a user ({@code recipient_id}) or in a chat ({@code chat_id}). */
    sealed interface Key {
        record ToUser(long typistId, long recipientId) implements Key {
        }

        record InChat(long typistId, long chatId) implements Key {
        }
    }

    private record State(long timerId, long forwardedAt) {
    }

    private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long expiryMillis;
    private final long minIntervalMillis;

    TypingTracker(Vertx vertx, ChatConfig config) {
        this.vertx = vertx;
        this.expiryMillis = config.typingExpiry().toMillis();
        this.minIntervalMillis = config.typingMinInterval().toMillis();
    }

    /**
     * Starts or renews typing; {@code onExpiry} runs if nobody renews or stops it in
     * time. Returns whether this frame is to be forwarded.
     */
    boolean start(Key key, Runnable onExpiry) {
        long now = System.currentTimeMillis();
        boolean[] forward = new boolean[1];
        states.compute(key, (k, previous) -> {
            if (previous != null) {
                vertx.cancelTimer(previous.timerId());
            }
            forward[0] = previous == null || now - previous.forwardedAt() >= minIntervalMillis;
            long timer = vertx.setTimer(expiryMillis, id -> expire(k, id, onExpiry));
            return new State(timer, forward[0] ? now : previous.forwardedAt());
        });
        return forward[0];
    }

    /** Stops typing; returns whether there was a typing state to end (and so something to forward). */
    boolean stop(Key key) {
        State state = states.remove(key);
        if (state == null) {
            return false;
        }
        vertx.cancelTimer(state.timerId());
        return true;
    }

    private void expire(Key key, long timerId, Runnable onExpiry) {
        State state = states.get(key);
        if (state != null && state.timerId() == timerId && states.remove(key, state)) {
            onExpiry.run();
        }
    }
}
