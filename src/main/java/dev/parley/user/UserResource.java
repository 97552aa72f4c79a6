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

import java.util.Set;

@Path("/api/v1/users")
@Authenticated
public class UserResource {

    /** The body of {@code PUT /api/v1/users/{id}}; absent {@code roles} keep the stored ones. */
    public record UserProfile(String username, String avatarUrl, Set<String> roles) {
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
     * Lets an admin or the platform's backend delete a user: from then on their tokens are refused (WebSocket
     * 403, REST 403), and their open connections, on every replica, are closed
     * with 4003.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.SERVICE})
    public Uni<RestResponse<Void>> delete(@PathParam("id") long id) {
        return users.delete(id).map(deleted -> RestResponse.noContent());
    }

    /**
     * Lets an admin or the platform's backend create or update a user, e.g. before
     * their first login so others can write to them. Idempotent: a retry changes nothing.
     */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.SERVICE})
    public Uni<UserView> put(@PathParam("id") long id, UserProfile profile) {
        if (id <= 0) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "User ids are positive numbers");
        }
        if (profile == null || profile.username() == null || profile.username().isBlank()
                || profile.username().length() > 100) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "username is required (1 to 100 characters)");
        }
        if (profile.roles() != null && !Caller.USER_ROLES.containsAll(profile.roles())) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "roles may contain only " + Caller.USER_ROLES);
        }
        return users.put(id, profile.username().strip(), profile.avatarUrl(), profile.roles());
    }
}
