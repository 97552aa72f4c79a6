package dev.parley.search;

import dev.parley.auth.Caller;
import dev.parley.chat.ChatAccess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Searches the messages a caller may read: those of the chats they are a member
 * of, which is who may read a chat's history ({@link ChatAccess}). Leaving a group
 * or a room ends the membership, so its messages drop out; deleted messages never
 * match. A {@code chat_id} the caller may not read is refused as history refuses it.
 */
@ApplicationScoped
public class MessageSearch {

    private final SearchConfig config;
    private final ChatAccess access;
    private final SearchQuery query;

    MessageSearch(SearchConfig config, ChatAccess access, SearchQuery query) {
        this.config = config;
        this.access = access;
        this.query = query;
    }

    /** The raw query parameters of {@code GET /api/v1/search}; a bad one fails with a 400 {@code ChatException}. */
    public Uni<SearchPage> search(Caller caller, String q, String chatId, String before, String limit) {
        return Uni.createFrom().item(() -> SearchRequest.of(q, chatId, before, limit, config))
                .call(request -> request.chatId() == null ? Uni.createFrom().voidItem()
                        : Panache.withSession(() -> access.requireMember(caller, request.chatId())))
                .chain(request -> query.run(caller.id(), request, request.limit() + 1)
                        .map(found -> SearchPage.of(found, request.limit())))
                .invoke(page -> Log.debugf("User %d searched: %d results, more: %s", (Object) caller.id(),
                        page.results().size(), page.hasMore()));
    }
}
