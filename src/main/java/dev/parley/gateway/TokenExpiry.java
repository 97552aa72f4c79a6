package dev.parley.gateway;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * A connection lives no longer than the token that opened it: when the token
 * expires the connection is closed with 4001 {@code token expired}, and the
 * client reconnects with a fresh token.
 */
@ApplicationScoped
public class TokenExpiry {

    public static final CloseReason EXPIRED = new CloseReason(4001, "token expired");
    private static final TypedKey<Long> TIMER = TypedKey.forLong("parley.expiry-timer");

    private final Vertx vertx;

    TokenExpiry(Vertx vertx) {
        this.vertx = vertx;
    }

    void watch(WebSocketConnection connection, Instant expiresAt) {
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        long timer = vertx.setTimer(delay, id -> {
            Log.infof("Closing connection %s: token expired", connection.id());
            connection.close(EXPIRED).subscribe().with(ok -> { }, failure -> { });
        });
        connection.userData().put(TIMER, timer);
    }

    void forget(WebSocketConnection connection) {
        Long timer = connection.userData().get(TIMER);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
