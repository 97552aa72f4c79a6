package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import dev.parley.gateway.Draining;
import dev.parley.gateway.FrameDispatcher;
import dev.parley.gateway.Sessions;
import dev.parley.limits.FloodGuard;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Socket.IO protocol 5 on the main namespace {@code /}, one socket per Engine.IO
 * session: CONNECT with {@code auth: {token}} opens a Parley session (the same
 * {@code gateway.Sessions} as {@code /ws/chat}), events become client frames for
 * {@code gateway.FrameDispatcher}, and replies become events and acknowledgements.
 */
@ApplicationScoped
public class SocketIoServer {

    private final SocketPacketCodec codec;
    private final OutboundEvents events;
    private final SocketIoAuth auth;
    private final Sessions sessions;
    private final FrameDispatcher dispatcher;
    private final Node node;
    private final Draining draining;
    private final SocketIoDialect dialect;

    SocketIoServer(SocketPacketCodec codec, OutboundEvents events, SocketIoAuth auth, Sessions sessions,
                   FrameDispatcher dispatcher, Node node, Draining draining, SocketIoDialect dialect) {
        this.draining = draining;
        this.codec = codec;
        this.events = events;
        this.auth = auth;
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.node = node;
        this.dialect = dialect;
    }

    /** The socket of a new Engine.IO session: it waits for CONNECT. */
    EngineSession.Listener attach(EngineSession engine) {
        return new SocketIoSocket(engine, new SocketIoLink(engine, codec), this);
    }

    Uni<Void> received(SocketIoSocket socket, String data) {
        return switch (codec.decode(data)) {
            case SocketPacket.Connect connect -> connect(socket, connect);
            case SocketPacket.Event event -> event(socket, event);
            case SocketPacket.Disconnect ignored -> socket.leave();
            case SocketPacket.Ack ignored -> Uni.createFrom().voidItem(); // the server asks for none
            case SocketPacket.ConnectError ignored -> throw new EngineProtocolException("CONNECT_ERROR is the server's");
        };
    }

    /** Opens the Parley session, then CONNECT's answer and {@code online_users}, then live frames. */
    private Uni<Void> connect(SocketIoSocket socket, SocketPacket.Connect connect) {
        SocketIoLink link = socket.link();
        if (!SocketPacket.DEFAULT_NAMESPACE.equals(connect.namespace())) {
            return link.packet(new SocketPacket.ConnectError(connect.namespace(), "Invalid namespace"));
        }
        if (socket.session() != null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode token = connect.data() == null ? null : connect.data().get("token");
        return auth.verify(token != null && token.isTextual() ? token.asText() : null)
                .chain(caller -> {
                    Session session = socket.open(sessions.create(link, dialect, caller, socket::abort));
                    return sessions.start(session, "Socket.IO")
                            .chain(connected -> accepted(socket, session, connected))
                            .onFailure().call(socket::leave);
                })
                .onFailure(SocketIoAuth.Refused.class).recoverWithUni(refused -> link.packet(
                        new SocketPacket.ConnectError(SocketPacket.DEFAULT_NAMESPACE, refused.getMessage())))
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("Socket.IO connect of socket %s failed: %s", socket.id(), failure.getMessage());
                    return link.packet(new SocketPacket.ConnectError(SocketPacket.DEFAULT_NAMESPACE,
                            "Temporarily unavailable, please retry"));
                });
    }

    /** CONNECT's answer and {@code online_users}, then live frames; or nothing when the transport ended meanwhile. */
    private Uni<Void> accepted(SocketIoSocket socket, Session session, ServerFrame.Connected connected) {
        if (socket.isClosed()) {
            return socket.leave();
        }
        SocketIoLink link = socket.link();
        return link.packet(new SocketPacket.Connect(SocketPacket.DEFAULT_NAMESPACE, codec.object().put("sid", socket.id())))
                .chain(() -> link.emit("online_users", onlineUsers(connected)))
                .invoke(() -> sessions.live(session, Map.of()));
    }

    /** One event, like one frame on {@code /ws/chat}: counted, dispatched, answered. */
    private Uni<Void> event(SocketIoSocket socket, SocketPacket.Event event) {
        Session session = socket.session();
        if (session == null || session.state().compareTo(Session.State.CLOSING) >= 0) {
            return Uni.createFrom().voidItem(); // not connected to the namespace: nothing to act for
        }
        session.heard();
        if (!session.admitFrame()) {
            return node.close(session, FloodGuard.FLOODING);
        }
        JsonNode payload = event.args().size() > 1 ? event.args().get(1) : null;
        return draining.track(dispatcher.dispatch(() -> InboundEvents.decode(event.name(), payload), session)
                .chain(reply -> answer(socket.link(), event.ackId(), reply)));
    }

    /**
     * A confirmation is emitted as its event (the seed's sender gets its own
     * {@code receive_message}); with an ack id the reply is acknowledged too: the
     * message, {@code {error: {code, message}}} for a refusal, nothing otherwise.
     * A refusal without an ack id is the {@code error} event.
     */
    private Uni<Void> answer(SocketIoLink link, Long ackId, ServerFrame reply) {
        ArrayNode args = codec.array();
        Uni<Void> emitted = Uni.createFrom().voidItem();
        if (reply instanceof ServerFrame.Error error) {
            if (ackId == null) {
                return link.emit("error", events.error(error));
            }
            args.addObject().set("error", events.error(error));
        } else if (reply != null) {
            var emit = events.translate(reply).orElse(null);
            if (emit != null) {
                emitted = link.emit(emit.name(), emit.payload());
                args.add(emit.payload());
            }
        }
        return ackId == null ? emitted : emitted.chain(() -> link.packet(
                new SocketPacket.Ack(SocketPacket.DEFAULT_NAMESPACE, ackId, args)));
    }

    private ArrayNode onlineUsers(ServerFrame.Connected connected) {
        ArrayNode ids = codec.array();
        connected.onlineUsers().forEach(ids::add);
        return ids;
    }

    Uni<Void> release(Session session) {
        return sessions.close(session);
    }
}
