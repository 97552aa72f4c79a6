package dev.parley.chat;

import java.util.List;

/**
 * What a chat's member missed since {@code seq}: new messages in seq order, then
 * the edits and deletes of older ones. {@code recovered} is false (and the lists
 * empty) when that is more than {@code parley.chat.sync-limit} events.
 */
public record Replay(Audience audience, boolean recovered, long lastSeq, List<StoredMessage> added,
                     List<Message> changed) {
}
