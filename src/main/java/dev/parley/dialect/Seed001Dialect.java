package dev.parley.dialect;

import dev.parley.protocol.Dialect;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.MessageType;
import dev.parley.protocol.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seed 001's wire (docs/protocol.md, "Dialect: seed 001 on /ws"): every message,
 * 1:1 included, is {@code new_message {chat_id, message{...}}} with its
 * {@code message_type}. Parley's other frames already carry every field the seed
 * names under the seed's names, so they pass unchanged; a frame type the seed
 * does not name (such as {@code delivered}) reaches a client that has no handler
 * for it, which its event bus ignores.
 */
@ApplicationScoped
public class Seed001Dialect implements Dialect {

    /** How {@link FrameCodec} starts a 1:1 message: the type property comes first. */
    private static final String DIRECT_MESSAGE = "{\"type\":\"message\",";

    private final FrameCodec codec;

    Seed001Dialect(FrameCodec codec) {
        this.codec = codec;
    }

    @Override
    public String encode(ServerFrame frame) {
        return codec.encode(reshape(frame));
    }

    /** Only a 1:1 message is decoded and reshaped; everything else is written as it came. */
    @Override
    public String translate(String parleyText) {
        return parleyText.startsWith(DIRECT_MESSAGE) ? encode(codec.decodeServerFrame(parleyText)) : parleyText;
    }

    static ServerFrame reshape(ServerFrame frame) {
        if (!(frame instanceof ServerFrame.ChatMessage direct)) {
            return frame;
        }
        // A 1:1 message's timestamp is when it was stored: the seed's created_at.
        return new ServerFrame.NewMessage(direct.chatId(), new ServerFrame.MessageBody(direct.id(), direct.seq(),
                direct.content(), direct.senderId(), direct.senderUsername(), direct.senderAvatar(), direct.timestamp(),
                MessageType.TEXT, direct.clientMsgId(), null), null, direct.timestamp());
    }
}
