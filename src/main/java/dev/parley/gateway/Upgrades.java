package dev.parley.gateway;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a way to abort each chat connection's TCP connection. websockets-next
 * closes a connection with a close frame, which waits behind every frame the peer
 * has not read; a peer that reads nothing would keep its connection, and the
 * memory queued for it, for ever. The upgrade request knows its HTTP connection,
 * so the last upgrade check records it, keyed by the handshake's
 * {@code Sec-WebSocket-Key}, for the session to claim on open.
 */
@ApplicationScoped
@Priority(Integer.MIN_VALUE) // the last check: only upgrades every other check permitted
public class Upgrades implements HttpUpgradeCheck {

    private static final long FORGET_AFTER_MILLIS = 30_000;

    private record Pending(HttpConnection connection, long at) {
    }

    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String key = context.httpRequest().getHeader(HandshakeRequest.SEC_WEBSOCKET_KEY);
        if (key != null) {
            long now = System.currentTimeMillis();
            // An upgrade that failed after this check leaves an entry; the next ones sweep it.
            if (pending.size() > 1_000) {
                pending.values().removeIf(entry -> now - entry.at() > FORGET_AFTER_MILLIS);
            }
            pending.putIfAbsent(key, new Pending(context.httpRequest().connection(), now));
        }
        return CheckResult.permitUpgrade();
    }

    /** How to abort the connection's TCP connection at once; a no-op when it is not known. */
    public Runnable abortHandle(WebSocketConnection connection) {
        String key = connection.handshakeRequest().header(HandshakeRequest.SEC_WEBSOCKET_KEY);
        Pending entry = key == null ? null : pending.remove(key);
        if (entry == null) {
            Log.debugf("No TCP connection known for %s; it can only be closed gracefully", connection.id());
            return () -> { };
        }
        HttpConnection http = entry.connection();
        return () -> {
            if (http instanceof ConnectionBase base) {
                // Vert.x's own handler turns a close into a graceful one (it flushes first); closing
                // from its context goes past it, to the socket, and drops what is queued.
                base.channelHandlerContext().close();
            } else {
                http.close();
            }
        };
    }
}
