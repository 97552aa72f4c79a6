package dev.parley.api;

import dev.parley.auth.CurrentCaller;
import dev.parley.chat.History;
import dev.parley.chat.HistoryPage;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/api/v1/conversations")
@Authenticated
public class ConversationResource {

    private final History history;
    private final CurrentCaller caller;

    ConversationResource(History history, CurrentCaller caller) {
        this.history = history;
        this.caller = caller;
    }

    /** The caller's messages with {@code userId}, newest first; page with {@code before_seq}. */
    @GET
    @Path("/{userId}/messages")
    public Uni<HistoryPage> messages(@PathParam("userId") long userId, @QueryParam("before_seq") Long beforeSeq,
                                     @QueryParam("limit") Integer limit) {
        return history.direct(caller.get(), userId, beforeSeq, limit);
    }
}
