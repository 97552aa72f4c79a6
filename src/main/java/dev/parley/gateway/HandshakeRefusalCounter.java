package dev.parley.gateway;

import dev.parley.metrics.LimitMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts every refused WebSocket handshake by why it was refused, whichever
 * check refused it (token verification, a deleted user, the handshake limit,
 * draining or an outage): {@code parley_rejected_handshakes_total{reason}}. It
 * looks at the status the answer leaves with, so no refusal path can forget it.
 */
@ApplicationScoped
public class HandshakeRefusalCounter {

    private final LimitMetrics metrics;

    HandshakeRefusalCounter(LimitMetrics metrics) {
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        router.route("/ws*").order(Integer.MIN_VALUE).handler(context -> {
            String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
            if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
                context.addHeadersEndHandler(ignored -> {
                    int status = context.response().getStatusCode();
                    if (status >= 400) {
                        metrics.rejectedHandshake(reason(status));
                    }
                });
            }
            context.next();
        });
    }

    static String reason(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> "status_" + status;
        };
    }
}
