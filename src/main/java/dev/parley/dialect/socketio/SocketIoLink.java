package dev.parley.dialect.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.parley.cluster.Link;
import dev.parley.protocol.ServerFrame;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;

/**
 * A Socket.IO client's end of its {@code cluster.Session}: Parley's frames, as
 * delivery writes them, become seed 004's events on the Engine.IO session. A close
 * for something the client must act on (4xxx: token expired, account deleted, too
 * many connections) is a Socket.IO DISCONNECT, which the client does not retry by
 * itself; any other (draining, a slow or silent peer) only ends the Engine.IO
 * session, and the client reconnects.
 */
final class SocketIoLink implements Link {

    private final EngineSession engine;
    private final SocketPacketCodec codec;
    private final OutboundEvents events;
    private final ObjectReader frames;

    SocketIoLink(EngineSession engine, SocketPacketCodec codec, OutboundEvents events, ObjectReader frames) {
        this.engine = engine;
        this.codec = codec;
        this.events = events;
        this.frames = frames;
    }

    @Override
    public String id() {
        return engine.sid();
    }

    @Override
    public Uni<Void> send(String frame) {
        ServerFrame decoded;
        try {
            decoded = frames.readValue(frame);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return events.translate(decoded)
                .map(emit -> emit(emit.name(), emit.payload()))
                .orElse(Uni.createFrom().voidItem());
    }

    Uni<Void> emit(String event, com.fasterxml.jackson.databind.JsonNode payload) {
        return packet(codec.event(event, payload));
    }

    Uni<Void> packet(SocketPacket packet) {
        return engine.send(new EnginePacket.Message(codec.encode(packet)));
    }

    @Override
    public Uni<Void> close(CloseReason reason) {
        Uni<Void> disconnect = reason.getCode() >= 4000
                ? packet(new SocketPacket.Disconnect(SocketPacket.DEFAULT_NAMESPACE)).onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        return disconnect.invoke(() -> engine.close("server close: " + reason.getMessage()));
    }
}
