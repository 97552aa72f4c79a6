package dev.parley.error;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every REST failure answers with a status and an {@link ErrorBody}, never a stack trace. */
public class RestErrorMapper {

    @ServerExceptionMapper
    public Response chat(ChatException e) {
        if (e instanceof RateLimitedException limited) {
            return Response.fromResponse(respond(e.code(), e.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, (limited.retryAfterMillis() + 999) / 1000))
                    .build();
        }
        return respond(e.code(), e.getMessage());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized() {
        return Response.fromResponse(respond(ErrorCode.UNAUTHORIZED, "A valid access token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ErrorCode.FORBIDDEN, "You may not do this");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_FIELD;
        };
        return Response.status(status).entity(new ErrorBody(code, e.getMessage())).build();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        if (Outages.isOutage(e)) {
            Log.warnf("A REST request failed on an outage: %s", e.getMessage());
            return respond(ErrorCode.UNAVAILABLE, "Temporarily unavailable, please retry");
        }
        Log.error("Unexpected failure of a REST request", e);
        return respond(ErrorCode.INTERNAL_ERROR, "Internal error");
    }

    private static Response respond(ErrorCode code, String message) {
        return Response.status(code.httpStatus()).entity(new ErrorBody(code, message)).build();
    }
}
