package dev.parley.dialect.socketio;

import dev.parley.limits.HandshakeLimiter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Engine.IO's HTTP long-polling at {@code /socket.io/}: a GET without {@code sid}
 * is the handshake, a GET with one waits for packets, a POST carries packets
 * separated by {@code \x1e}, answered {@code ok} at once (they are handled in order
 * by the session). WebSocket upgrades on the same path go on to {@link SocketIoWebSocket}.
 */
@ApplicationScoped
public class PollingTransport {

    static final String PATH = "/socket.io/";

    private final EngineSessions sessions;
    private final SocketIoConfig config;
    private final HandshakeLimiter handshakes;

    PollingTransport(EngineSessions sessions, SocketIoConfig config, HandshakeLimiter handshakes) {
        this.sessions = sessions;
        this.config = config;
        this.handshakes = handshakes;
    }

    void routes(@Observes Router router) {
        if (!config.enabled()) {
            return; // a GET or POST then finds no route: 404
        }
        router.get(PATH).handler(this::get);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(config.maxPayload())).handler(this::post);
    }

    private void get(RoutingContext context) {
        if ("websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            context.next();
            return;
        }
        EngineQuery query = EngineQuery.parse(context.request().query());
        String refusal = query.refusal("polling");
        if (refusal != null) {
            fail(context.response(), refusal);
            return;
        }
        if (query.sid() == null) {
            handshake(context);
            return;
        }
        EngineSession session = sessions.find(query.sid());
        if (session == null) {
            unknown(context.response());
            return;
        }
        session.poll(context.response());
    }

    /** A new polling session, within the same per-address handshake rate as WebSocket upgrades. */
    private void handshake(RoutingContext context) {
        String ip = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
        handshakes.admit(ip).subscribe().with(admitted -> {
            if (!admitted) {
                context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"code\":3,\"message\":\"Too many handshakes, retry later\"}");
                return;
            }
            EngineSession session = sessions.open(null);
            reply(context.response(), sessions.handshake(session).encode());
        }, context::fail);
    }

    private void post(RoutingContext context) {
        EngineQuery query = EngineQuery.parse(context.request().query());
        String refusal = query.refusal("polling");
        EngineSession session = refusal == null ? sessions.find(query.sid()) : null;
        if (refusal != null) {
            fail(context.response(), refusal);
            return;
        }
        if (session == null) {
            unknown(context.response());
            return;
        }
        List<EnginePacket> packets;
        try {
            packets = EnginePacket.decodePayload(context.body().asString());
        } catch (EngineProtocolException e) {
            fail(context.response(), 3, e.getMessage());
            session.close("protocol error");
            return;
        }
        packets.forEach(session::receive);
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html").end("ok");
    }

    static Future<Void> reply(HttpServerResponse response, String body) {
        return response.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(body);
    }

    static void fail(HttpServerResponse response, int code, String message) {
        fail(response, "{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    private static void fail(HttpServerResponse response, String body) {
        response.setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    private static void unknown(HttpServerResponse response) {
        fail(response, 1, "Session ID unknown");
    }
}
