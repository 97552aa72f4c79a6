package dev.parley.dialect.socketio;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.Map;

/**
 * The query of an Engine.IO request: {@code EIO=4}, {@code transport=polling} or
 * {@code websocket}, and {@code sid} after the handshake. Anything else the
 * client adds ({@code t=} against caches) is ignored.
 */
record EngineQuery(String protocol, String transport, String sid) {

    static final String PROTOCOL = "4";

    static EngineQuery parse(String query) {
        Map<String, List<String>> params = new QueryStringDecoder(query == null ? "" : query, false).parameters();
        return new EngineQuery(first(params, "EIO"), first(params, "transport"), first(params, "sid"));
    }

    /** Why this request cannot be served on {@code expected}, as Engine.IO's error body; null when it can. */
    String refusal(String expected) {
        if (!PROTOCOL.equals(protocol)) {
            return "{\"code\":5,\"message\":\"Unsupported protocol version\"}";
        }
        if (!expected.equals(transport)) {
            return "{\"code\":0,\"message\":\"Transport unknown\"}";
        }
        return null;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
