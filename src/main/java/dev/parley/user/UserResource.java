package dev.parley.user;

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
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/users")
@Authenticated
public class UserResource {

    /** The body of {@code PUT /api/v1/users/{id}}. */
    public record UserProfile(String username, String avatarUrl) {
    }

    private final UserService users;
    private final CurrentCaller caller;

    UserResource(UserService users, CurrentCaller caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    public Uni<UserView> me() {
        return users.find(caller.get().id());
    }

    /**
     * Lets an admin delete a user: from then on their tokens are refused (WebSocket
     * 403, REST 403), and their open connections, on every replica, are closed
     * with 4003.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Uni<RestResponse<Void>> delete(@PathParam("id") long id) {
        return users.delete(id).map(deleted -> RestResponse.noContent());
    }

    /** Lets an admin register a user before their first login, so others can write to them. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    public Uni<UserView> put(@PathParam("id") long id, UserProfile profile) {
        if (id <= 0) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "User ids are positive numbers");
        }
        if (profile == null || profile.username() == null || profile.username().isBlank()
                || profile.username().length() > 100) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "username is required (1 to 100 characters)");
        }
        return users.put(id, profile.username().strip(), profile.avatarUrl());
    }
}
