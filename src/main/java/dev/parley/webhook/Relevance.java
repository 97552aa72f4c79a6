package dev.parley.webhook;

import dev.parley.cluster.OnlineList;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a claimed event still applies when it is first resolved: a
 * {@code message.created} only for a recipient connected nowhere in the cluster, a
 * {@code message.unread} only for one who has not read the message; neither for a
 * deleted message or a recipient who left the chat, nor for one who read it already.
 */
@ApplicationScoped
class Relevance {

    private final OnlineList online;

    Relevance(OnlineList online) {
        this.online = online;
    }

    /** Why the event no longer applies ({@code gone}, {@code read}, {@code online}), or null when it does. */
    String skipReason(ClaimedEvent event) {
        if (event.deleted() || event.lastReadSeq() == null) {
            return "gone";
        }
        if (event.lastReadSeq() >= event.seq()) {
            return "read";
        }
        if (event.type().equals(ClaimedEvent.CREATED) && online.isOnline(event.userId())) {
            return "online";
        }
        return null;
    }
}
