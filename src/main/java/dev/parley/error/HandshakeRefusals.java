package dev.parley.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a handshake that an upgrade check refused with a {@link HandshakeRefusal}:
 * its status and {@code {"code","message"}}, like every REST error, instead of
 * the framework's 500 page. websockets-next hands a failed check to the router's
 * failure handlers, so this is one.
 */
@ApplicationScoped
public class HandshakeRefusals {

    private final ObjectMapper json;

    HandshakeRefusals(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (!(context.failure() instanceof HandshakeRefusal refusal) || context.response().ended()) {
                context.next();
                return;
            }
            context.response().setStatusCode(refusal.code().httpStatus())
                    .putHeader("Content-Type", "application/json");
            if (refusal.code() == ErrorCode.UNAVAILABLE) {
                context.response().putHeader("Retry-After", "5");
            }
            context.response().end(body(refusal));
        });
    }

    private String body(HandshakeRefusal refusal) {
        try {
            return json.writeValueAsString(new ErrorBody(refusal.code(), refusal.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
