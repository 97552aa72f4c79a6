package dev.parley.webhook;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

/** Admins read and replay the webhook events whose last attempt failed. */
@Path("/api/v1/webhooks/dead-letters")
@RolesAllowed(Caller.ADMIN)
public class DeadLetterResource {

    private static final int DEFAULT_LIMIT = 50;

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Newest first; {@code limit} 1 to 200 (larger asks get 200), {@code offset} from 0. */
    @GET
    public Uni<DeadLetterPage> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        if ((offset != null && offset < 0) || (limit != null && limit < 1)) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "offset must be 0 or more and limit 1 or more");
        }
        return deadLetters.list(offset == null ? 0 : offset,
                limit == null ? DEFAULT_LIMIT : Math.min(limit, DeadLetters.MAX_LIMIT));
    }

    @POST
    @Path("/{id}/replay")
    public Uni<Replayed> replay(@PathParam("id") String id) {
        return deadLetters.replay(eventId(id));
    }

    @POST
    @Path("/replay")
    public Uni<Replayed> replayAll() {
        return deadLetters.replayAll();
    }

    private static UUID eventId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "An event id is a UUID, as in the dead-letter list");
        }
    }
}
