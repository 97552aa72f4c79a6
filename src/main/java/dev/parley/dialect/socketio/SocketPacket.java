package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One Socket.IO protocol 5 packet, carried in an Engine.IO message: a type
 * digit, a namespace unless it is {@code /}, an ack id where there is one, then
 * JSON ({@link SocketPacketCodec}). Binary events and acks (types 5 and 6) are refused.
 */
public sealed interface SocketPacket {

    String DEFAULT_NAMESPACE = "/";

    String namespace();

    /** {@code 0{"token":"..."}} from the client (its {@code auth}); {@code 0{"sid":"..."}} back. */
    record Connect(String namespace, JsonNode data) implements SocketPacket {
    }

    /** {@code 1}: the client left the namespace, or the server removed it. */
    record Disconnect(String namespace) implements SocketPacket {
    }

    /** {@code 2["name",...args]}, or {@code 2<id>[...]} when the sender wants an acknowledgement. */
    record Event(String namespace, Long ackId, ArrayNode args) implements SocketPacket {
        public String name() {
            return args.get(0).asText();
        }
    }

    /** {@code 3<id>[...args]}: the acknowledgement of event {@code id}. */
    record Ack(String namespace, long ackId, ArrayNode args) implements SocketPacket {
    }

    /** {@code 4{"message":"..."}}: the connection to the namespace was refused ({@code connect_error}). */
    record ConnectError(String namespace, String message) implements SocketPacket {
    }
}
