package dev.parley.chat;

/**
 * A committed direct message and whom it went to. {@code replay} is true when a
 * retry with a known {@code client_msg_id} found the original instead of creating one.
 */
public record SentMessage(Message message, long recipientId, boolean replay) {
}
