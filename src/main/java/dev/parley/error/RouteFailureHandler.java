package dev.parley.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers what fails before any endpoint runs, for REST and WebSocket handshakes
 * alike, with a status and an {@link ErrorBody} instead of the framework's page:
 * a token that fails verification (401, {@code WWW-Authenticate: Bearer}, no
 * upgrade), and a handshake an upgrade check refused with a {@link HandshakeRefusal}
 * (websockets-next hands a failed check to the router's failure handlers).
 */
@ApplicationScoped
public class RouteFailureHandler {

    private final ObjectMapper json;
    private final String unauthorized;

    RouteFailureHandler(ObjectMapper json) throws JsonProcessingException {
        this.json = json;
        this.unauthorized = json.writeValueAsString(new ErrorBody(ErrorCode.UNAUTHORIZED,
                "A valid access token is required"));
    }

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(context -> {
            if (context.response().ended()) {
                context.next();
            } else if (context.failure() instanceof AuthenticationFailedException) {
                context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
                answer(context, 401, unauthorized);
            } else if (context.failure() instanceof HandshakeRefusal refusal) {
                if (refusal.code() == ErrorCode.UNAVAILABLE) {
                    context.response().putHeader(HttpHeaderNames.RETRY_AFTER, "5");
                }
                answer(context, refusal.code().httpStatus(), body(refusal));
            } else {
                context.next();
            }
        });
    }

    private static void answer(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json").end(body);
    }

    private String body(HandshakeRefusal refusal) {
        try {
            return json.writeValueAsString(new ErrorBody(refusal.code(), refusal.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
