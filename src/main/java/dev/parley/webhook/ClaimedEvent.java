package dev.parley.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a replica claimed, with what it needs to decide whether the event
 * still applies and to describe its message.
 *
 * @param attempts    attempts so far, this one included
 * @param body        the JSON sent by an earlier attempt, or null before the first
 * @param lastReadSeq the recipient's read watermark; null when they are no longer a member
 */
record ClaimedEvent(UUID id, String type, long userId, Instant dueAt, int attempts, String body,
                    long messageId, long chatId, String chatKind, long seq, Long senderId, String senderUsername,
                    String messageType, String content, Instant messageCreatedAt, boolean deleted, Long lastReadSeq) {

    static final String CREATED = "message.created";
    static final String UNREAD = "message.unread";
}
