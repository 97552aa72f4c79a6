package dev.parley.policy;

import dev.parley.auth.Caller;
import dev.parley.auth.CurrentCaller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * Mentorships, managed by admins and the platform's backend. PUT and DELETE are
 * idempotent: a retry answers as the first attempt did.
 */
@Path("/api/v1/mentorships")
@Authenticated
public class MentorshipResource {

    private final Mentorships mentorships;
    private final CurrentCaller caller;

    MentorshipResource(Mentorships mentorships, CurrentCaller caller) {
        this.mentorships = mentorships;
        this.caller = caller;
    }

    @PUT
    @Path("/{mentorId}/{studentId}")
    @RolesAllowed({Caller.ADMIN, Caller.SERVICE})
    public Uni<Mentorships.Mentorship> put(@PathParam("mentorId") long mentorId,
                                           @PathParam("studentId") long studentId) {
        return mentorships.put(mentorId, studentId);
    }

    @DELETE
    @Path("/{mentorId}/{studentId}")
    @RolesAllowed({Caller.ADMIN, Caller.SERVICE})
    public Uni<RestResponse<Void>> delete(@PathParam("mentorId") long mentorId,
                                          @PathParam("studentId") long studentId) {
        return mentorships.delete(mentorId, studentId).map(ignored -> RestResponse.noContent());
    }

    /** The caller's own pairs; an admin or the backend may ask for anyone's with {@code user_id}. */
    @GET
    public Uni<List<Mentorships.Mentorship>> list(@QueryParam("user_id") Long userId) {
        Caller me = caller.get();
        if (userId != null && userId != me.id() && !me.isPrivileged()) {
            throw new ChatException(ErrorCode.FORBIDDEN, "Only admins see other users' mentorships");
        }
        if (userId == null && me.isService()) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "A service names the user: ?user_id=");
        }
        return mentorships.of(userId == null ? me.id() : userId);
    }
}
