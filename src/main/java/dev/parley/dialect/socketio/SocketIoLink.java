package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.cluster.Link;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;

/**
 * A Socket.IO client's wire: each Socket.IO packet, already in its text form
 * ({@link SocketIoDialect} for delivered frames), travels as one Engine.IO
 * message. A close for something the client must act on (4xxx: token expired,
 * account deleted, too many connections) is a Socket.IO DISCONNECT, which the
 * client does not retry by itself; any other (draining, a slow or silent peer)
 * only ends the Engine.IO session, and the client reconnects.
 */
final class SocketIoLink implements Link {

    private final EngineSession engine;
    private final SocketPacketCodec codec;

    SocketIoLink(EngineSession engine, SocketPacketCodec codec) {
        this.engine = engine;
        this.codec = codec;
    }

    @Override
    public String id() {
        return engine.sid();
    }

    @Override
    public Uni<Void> send(String packet) {
        return engine.send(new EnginePacket.Message(packet));
    }

    Uni<Void> emit(String event, JsonNode payload) {
        return packet(codec.event(event, payload));
    }

    Uni<Void> packet(SocketPacket packet) {
        return send(codec.encode(packet));
    }

    @Override
    public Uni<Void> close(CloseReason reason) {
        Uni<Void> disconnect = reason.getCode() >= 4000
                ? packet(new SocketPacket.Disconnect(SocketPacket.DEFAULT_NAMESPACE)).onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        return disconnect.invoke(() -> engine.close("server close: " + reason.getMessage()));
    }
}
