package dev.parley.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

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

    /** A body that is not JSON ({@code invalid_json}), or JSON of the wrong shape ({@code invalid_field}). */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return respond(ErrorCode.INVALID_JSON, "The body is not valid JSON");
        }
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        return respond(ErrorCode.INVALID_FIELD, field.isEmpty() ? "The body does not have the expected shape"
                : "Field '" + field + "' has the wrong type or value");
    }

    /** A value of the wrong type; named so it wins over the framework's own mapper, which answers without a body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    /** What the framework refuses before an endpoint runs: unknown route, wrong method, media types. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_FIELD;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, e.getMessage())).build();
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
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message)).build();
    }
}
