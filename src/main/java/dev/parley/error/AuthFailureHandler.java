package dev.parley.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A token that fails verification is refused before any endpoint runs, for REST
 * and WebSocket handshakes alike: 401, {@code WWW-Authenticate: Bearer} and an
 * {@link ErrorBody}, and no upgrade.
 */
@ApplicationScoped
public class AuthFailureHandler {

    private final String body;

    AuthFailureHandler(ObjectMapper mapper) throws JsonProcessingException {
        this.body = mapper.writeValueAsString(new ErrorBody(ErrorCode.UNAUTHORIZED, "A valid access token is required"));
    }

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
                context.response().setStatusCode(401)
                        .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer")
                        .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .end(body);
            } else {
                context.next();
            }
        });
    }
}
