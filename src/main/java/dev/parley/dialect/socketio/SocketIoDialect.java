package dev.parley.dialect.socketio;

import dev.parley.protocol.Dialect;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seed 004's wire as a dialect: a Parley frame becomes the text of one Socket.IO
 * EVENT packet ({@link OutboundEvents}), or null when a Socket.IO client has no
 * such event; {@link SocketIoLink} then only frames it for Engine.IO.
 */
@ApplicationScoped
public class SocketIoDialect implements Dialect {

    private final FrameCodec frames;
    private final OutboundEvents events;
    private final SocketPacketCodec codec;

    SocketIoDialect(FrameCodec frames, OutboundEvents events, SocketPacketCodec codec) {
        this.frames = frames;
        this.events = events;
        this.codec = codec;
    }

    @Override
    public String encode(ServerFrame frame) {
        return events.translate(frame)
                .map(emit -> codec.encode(codec.event(emit.name(), emit.payload())))
                .orElse(null);
    }

    @Override
    public String translate(String parleyText) {
        return encode(frames.decodeServerFrame(parleyText));
    }
}
