package dev.parley.dialect.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Socket.IO protocol 5 text packets to {@link SocketPacket} and back: type, then
 * {@code /namespace,} unless it is {@code /}, then the ack id's digits, then JSON.
 * Anything malformed is an {@link EngineProtocolException}.
 */
@ApplicationScoped
public class SocketPacketCodec {

    private static final int MAX_ACK_ID_DIGITS = 15;

    private final ObjectMapper mapper;

    SocketPacketCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public SocketPacket decode(String text) {
        if (text.isEmpty()) {
            throw new EngineProtocolException("Empty Socket.IO packet");
        }
        char type = text.charAt(0);
        int at = 1;
        String namespace = SocketPacket.DEFAULT_NAMESPACE;
        if (at < text.length() && text.charAt(at) == '/') {
            int comma = text.indexOf(',', at);
            namespace = comma < 0 ? text.substring(at) : text.substring(at, comma);
            at = comma < 0 ? text.length() : comma + 1;
        }
        int digits = at;
        while (digits < text.length() && Character.isDigit(text.charAt(digits)) && digits - at < MAX_ACK_ID_DIGITS) {
            digits++;
        }
        Long ackId = digits > at ? Long.valueOf(text.substring(at, digits)) : null;
        JsonNode data = digits < text.length() ? parse(text.substring(digits)) : null;
        return switch (type) {
            case '0' -> new SocketPacket.Connect(namespace, data);
            case '1' -> new SocketPacket.Disconnect(namespace);
            case '2' -> new SocketPacket.Event(namespace, ackId, eventArgs(data));
            case '3' -> new SocketPacket.Ack(namespace, ackId == null ? -1 : ackId, array(data));
            case '5', '6' -> throw new EngineProtocolException("Binary attachments are not supported");
            default -> throw new EngineProtocolException("Unknown Socket.IO packet type");
        };
    }

    public String encode(SocketPacket packet) {
        String namespace = packet.namespace().equals(SocketPacket.DEFAULT_NAMESPACE) ? "" : packet.namespace() + ",";
        return switch (packet) {
            case SocketPacket.Connect connect -> "0" + namespace + json(connect.data());
            case SocketPacket.Disconnect ignored -> "1" + namespace;
            case SocketPacket.Event event -> "2" + namespace + (event.ackId() == null ? "" : event.ackId())
                    + json(event.args());
            case SocketPacket.Ack ack -> "3" + namespace + ack.ackId() + json(ack.args());
            case SocketPacket.ConnectError error -> "4" + namespace
                    + json(mapper.createObjectNode().put("message", error.message()));
        };
    }

    /** {@code ["name", payload]}: an event the server emits. */
    public SocketPacket.Event event(String name, JsonNode payload) {
        ArrayNode args = mapper.createArrayNode().add(name);
        if (payload != null) {
            args.add(payload);
        }
        return new SocketPacket.Event(SocketPacket.DEFAULT_NAMESPACE, null, args);
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EngineProtocolException("Socket.IO packet data is not valid JSON");
        }
    }

    private static ArrayNode eventArgs(JsonNode data) {
        ArrayNode args = array(data);
        if (args.isEmpty() || !args.get(0).isTextual()) {
            throw new EngineProtocolException("An event is an array whose first element is its name");
        }
        return args;
    }

    private static ArrayNode array(JsonNode data) {
        if (!(data instanceof ArrayNode args)) {
            throw new EngineProtocolException("Event and ack data is a JSON array");
        }
        return args;
    }

    private String json(JsonNode node) {
        try {
            return node == null ? "" : mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
