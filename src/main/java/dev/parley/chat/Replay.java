package dev.parley.chat;

import java.util.List;

/**
 * What a chat's member missed since {@code seq}: new messages in seq order, then
 * the edits and deletes of older ones, and how far the other members (of a
 * direct chat or group) have received and read. {@code recovered} is false (and
 * the message lists empty) when that is more than {@code parley.chat.sync-limit}
 * events.
 */
public record Replay(Audience audience, boolean recovered, long lastSeq, List<StoredMessage> added,
                     List<Message> changed, List<Member> others) {
}
