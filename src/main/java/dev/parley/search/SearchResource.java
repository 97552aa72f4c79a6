package dev.parley.search;

import dev.parley.auth.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Full-text search over the caller's messages (docs/protocol.md, "Search"). */
@Path("/api/v1/search")
@Authenticated
public class SearchResource {

    private final CurrentCaller caller;
    private final MessageSearch search;

    SearchResource(CurrentCaller caller, MessageSearch search) {
        this.caller = caller;
        this.search = search;
    }

    /** Parameters arrive as text so that a malformed number is a 400 with a body, like every other bad value. */
    @GET
    public Uni<SearchPage> search(@QueryParam("q") String q, @QueryParam("chat_id") String chatId,
                                  @QueryParam("before") String before, @QueryParam("limit") String limit) {
        return search.search(caller.get(), q, chatId, before, limit);
    }
}
