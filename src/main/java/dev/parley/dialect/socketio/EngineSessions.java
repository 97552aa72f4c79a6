package dev.parley.dialect.socketio;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;
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
