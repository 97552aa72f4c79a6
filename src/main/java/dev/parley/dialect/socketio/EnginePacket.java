package dev.parley.dialect.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * One Engine.IO protocol 4 packet: a type digit, then its data. Only text
 * packets are spoken; a binary one ({@code b<base64>} on polling, a binary
 * WebSocket frame) is refused, since Parley's messages are text.
 */
public sealed interface EnginePacket {

    /** Separates packets in one long-polling body. */
    char SEPARATOR = '\u001e';

    String encode();

    /** {@code 0{"sid",...}}: the handshake, first packet of a session. */
    record Open(String handshake) implements EnginePacket {
        public String encode() {
            return "0" + handshake;
        }
    }

    /** {@code 1}: the session ends. */
    record Close() implements EnginePacket {
        public String encode() {
            return "1";
        }
    }

    /** {@code 2}, or {@code 2probe} during an upgrade. */
    record Ping(String data) implements EnginePacket {
        public String encode() {
            return "2" + data;
        }
    }

    /** {@code 3}, or {@code 3probe} during an upgrade. */
    record Pong(String data) implements EnginePacket {
        public String encode() {
            return "3" + data;
        }
    }

    /** {@code 4...}: a Socket.IO packet. */
    record Message(String data) implements EnginePacket {
        public String encode() {
            return "4" + data;
        }
    }

    /** {@code 5}: the client switches to the WebSocket it probed. */
    record Upgrade() implements EnginePacket {
        public String encode() {
            return "5";
        }
    }

    /** {@code 6}: answers a pending poll with nothing, to end it during an upgrade. */
    record Noop() implements EnginePacket {
        public String encode() {
            return "6";
        }
    }

    static EnginePacket decode(String text) {
        if (text.isEmpty()) {
            throw new EngineProtocolException("Empty packet");
        }
        String data = text.substring(1);
        return switch (text.charAt(0)) {
            case '0' -> new Open(data);
            case '1' -> new Close();
            case '2' -> new Ping(data);
            case '3' -> new Pong(data);
            case '4' -> new Message(data);
            case '5' -> new Upgrade();
            case '6' -> new Noop();
            case 'b' -> throw new EngineProtocolException("Binary packets are not supported");
            default -> throw new EngineProtocolException("Unknown packet type");
        };
    }

    /** A long-polling body: packets separated by {@link #SEPARATOR}. */
    static List<EnginePacket> decodePayload(String body) {
        List<EnginePacket> packets = new ArrayList<>();
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf(SEPARATOR, start);
            end = end < 0 ? body.length() : end;
            packets.add(decode(body.substring(start, end)));
            start = end + 1;
        }
        return packets;
    }

    static String encodePayload(List<String> encoded) {
        return String.join(String.valueOf(SEPARATOR), encoded);
    }
}
