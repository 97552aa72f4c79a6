package dev.parley.presence;

import dev.parley.auth.CurrentCaller;
import dev.parley.policy.VisiblePresence;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

@Path("/api/v1/ws/online-users")
@Authenticated
public class OnlineUsersResource {

    @RegisterForReflection
    public record OnlineUsers(List<Long> onlineUsers, int count) {
    }

    private final VisiblePresence presence;
    private final CurrentCaller caller;

    OnlineUsersResource(VisiblePresence presence, CurrentCaller caller) {
        this.presence = presence;
        this.caller = caller;
    }

    /** Users with at least one open connection on any replica, as far as the contact policy shows them. */
    @GET
    public Uni<OnlineUsers> get() {
        return presence.online(caller.get().id()).map(users -> new OnlineUsers(users, users.size()));
    }
}
