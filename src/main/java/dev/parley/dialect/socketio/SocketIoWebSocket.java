package dev.parley.dialect.socketio;

import dev.parley.gateway.Upgrades;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Engine.IO's WebSocket transport at {@code /socket.io/?EIO=4&transport=websocket}:
 * without {@code sid} a session of its own (it starts with the handshake), with
 * one the upgrade of that polling session ({@code 2probe}, {@code 3probe},
 * {@code 5}). The token comes later, in Socket.IO's CONNECT packet, so the
 * upgrade itself is anonymous; the handshake checks (rate, draining) still apply.
 */
@WebSocket(path = PollingTransport.PATH, endpointId = SocketIoSwitch.ENDPOINT)
public class SocketIoWebSocket {

    static final CloseReason REFUSED = new CloseReason(1008, "not an Engine.IO 4 WebSocket request");
    static final CloseReason UNSUPPORTED = new CloseReason(1003, "binary frames are not supported");
    private static final TypedKey<EngineSession> KEY = new TypedKey<>("parley.engine-session");

    private final EngineSessions sessions;
    private final Upgrades upgrades;

    SocketIoWebSocket(EngineSessions sessions, Upgrades upgrades) {
        this.sessions = sessions;
        this.upgrades = upgrades;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Runnable abort = upgrades.abortHandle(connection); // claimed whatever follows, so none is left behind
        EngineQuery query = EngineQuery.parse(connection.handshakeRequest().query());
        if (query.refusal("websocket") != null) {
            return connection.close(REFUSED);
        }
        if (query.sid() != null) {
            EngineSession session = sessions.find(query.sid());
            if (session == null) {
                return connection.close(REFUSED);
            }
            connection.userData().put(KEY, session); // a probe until it sends 5
            session.abortWith(abort); // the session's transport once upgraded; until then a close is graceful anyway
            return Uni.createFrom().voidItem();
        }
        EngineSession session = sessions.open(connection);
        session.abortWith(abort);
        connection.userData().put(KEY, session);
        return connection.sendText(sessions.handshake(session).encode());
    }

    @OnTextMessage
    public Uni<Void> receive(String text, WebSocketConnection connection) {
        EngineSession session = connection.userData().get(KEY);
        EnginePacket packet = EnginePacket.decode(text);
        if (!session.carries(connection)) {
            return session.probe(connection, packet);
        }
        session.receive(packet);
        return Uni.createFrom().voidItem();
    }

    @OnBinaryMessage
    public Uni<Void> receiveBinary(Buffer data, WebSocketConnection connection) {
        return connection.close(UNSUPPORTED);
    }

    /** A peer that breaks the protocol loses its session. */
    @OnError
    public Uni<Void> failed(EngineProtocolException failure, WebSocketConnection connection) {
        Log.debugf("Engine.IO WebSocket %s: %s", connection.id(), failure.getMessage());
        EngineSession session = connection.userData().get(KEY);
        if (session != null && session.carries(connection)) {
            session.close("protocol error");
        }
        return connection.close(REFUSED);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        EngineSession session = connection.userData().get(KEY);
        if (session != null) {
            session.closed(connection);
        }
    }
}
