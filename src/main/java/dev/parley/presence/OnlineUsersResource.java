package dev.parley.presence;

import dev.parley.cluster.PresenceStore;
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

    private final PresenceStore presence;

    OnlineUsersResource(PresenceStore presence) {
        this.presence = presence;
    }

    /** Users with at least one open connection on any replica. */
    @GET
    public Uni<OnlineUsers> get() {
        return presence.onlineUsers().map(users -> new OnlineUsers(users, users.size()));
    }
}
