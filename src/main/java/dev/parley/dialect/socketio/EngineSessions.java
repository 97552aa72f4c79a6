package dev.parley.dialect.socketio;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's Engine.IO sessions by {@code sid}. A polling session lives here
 * between requests, which is why long-polling needs sticky sessions behind a
 * load balancer (docs/deploy.md); a WebSocket-only session needs none.
 */
@ApplicationScoped
public class EngineSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final SocketIoConfig config;
    private final SocketIoServer server;

    EngineSessions(Vertx vertx, SocketIoConfig config, SocketIoServer server) {
        this.vertx = vertx;
        this.config = config;
        this.server = server;
    }

    /**
     * A new session on {@code socket}, or on long-polling when it is null; the
     * caller sends {@link #handshake} first on its transport.
     */
    EngineSession open(WebSocketConnection socket) {
        String sid = randomId();
        EngineSession session = new EngineSession(sid, socket, vertx, config, closed -> sessions.remove(closed.sid()));
        session.listen(server.attach(session));
        sessions.put(sid, session);
        session.schedulePing();
        return session;
    }

    /**
     * At the start of shutdown, as {@code gateway.Draining} does for WebSockets:
     * polling sessions end (a waiting poll gets the close packet), so their
     * clients reconnect to another replica. Sessions on a WebSocket end with it.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        List.copyOf(sessions.values()).forEach(session -> session.close("server shutdown"));
    }

    void drainLate(@Observes @Priority(1) ShutdownEvent event) {
        drain(null);
    }

    /** The session, or null when this replica has none by that id (ended, or opened elsewhere). */
    EngineSession find(String sid) {
        return sid == null ? null : sessions.get(sid);
    }

    EnginePacket.Open handshake(EngineSession session) {
        return new EnginePacket.Open(("{\"sid\":\"%s\",\"upgrades\":%s,\"pingInterval\":%d,\"pingTimeout\":%d,"
                + "\"maxPayload\":%d}").formatted(session.sid(),
                session.polling() ? "[\"websocket\"]" : "[]",
                config.pingInterval().toMillis(), config.pingTimeout().toMillis(), config.maxPayload()));
    }

    /** 15 random bytes, URL-safe: session ids cannot be guessed. */
    static String randomId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
