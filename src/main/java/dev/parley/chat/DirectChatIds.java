package dev.parley.chat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The direct chat two users already share, if any, without creating one: from
 * the replica's cache ({@link DirectChats}), else one indexed select, remembered.
 */
@ApplicationScoped
public class DirectChatIds {

    private final DirectChats cache;
    private final ConversationRepository conversations;

    DirectChatIds(DirectChats cache, ConversationRepository conversations) {
        this.cache = cache;
        this.conversations = conversations;
    }

    /** The chat id, or null while the pair has never exchanged a message. */
    public Uni<Long> of(long a, long b) {
        Long known = cache.known(a, b);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Panache.withSession(() -> conversations.findDirect(a, b)).map(found -> {
            if (found == null) {
                return null;
            }
            cache.remember(a, b, found.getId());
            return found.getId();
        });
    }
}
