package dev.parley.policy;

import dev.parley.auth.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** The caller's blocks; PUT and DELETE are idempotent. */
@Path("/api/v1/blocks")
@Authenticated
public class BlockResource {

    private final Blocks blocks;
    private final CurrentCaller caller;

    BlockResource(Blocks blocks, CurrentCaller caller) {
        this.blocks = blocks;
        this.caller = caller;
    }

    @GET
    public Uni<List<Blocks.Block>> list() {
        return blocks.of(caller.get().id());
    }

    @PUT
    @Path("/{userId}")
    public Uni<RestResponse<Void>> block(@PathParam("userId") long userId) {
        return blocks.block(caller.get().id(), userId).map(ignored -> RestResponse.noContent());
    }

    @DELETE
    @Path("/{userId}")
    public Uni<RestResponse<Void>> unblock(@PathParam("userId") long userId) {
        return blocks.unblock(caller.get().id(), userId).map(ignored -> RestResponse.noContent());
    }
}
