package dev.parley.chat;

import dev.parley.auth.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/api/v1/conversations")
@Authenticated
public class ConversationResource {

    private final DirectHistory history;
    private final CurrentCaller caller;

    ConversationResource(DirectHistory history, CurrentCaller caller) {
        this.history = history;
        this.caller = caller;
    }

    /** The caller's messages with {@code userId}, newest first; page with {@code before_seq}. */
    @GET
    @Path("/{userId}/messages")
    public Uni<HistoryPage> messages(@PathParam("userId") long userId, @QueryParam("before_seq") Long beforeSeq,
                                     @QueryParam("limit") Integer limit) {
        return history.page(caller.get(), userId, beforeSeq, limit);
    }
}
