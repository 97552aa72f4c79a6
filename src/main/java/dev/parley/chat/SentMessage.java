package dev.parley.chat;

/**
 * A committed message and who hears of it. {@code replay} is true when a retry
 * with a known {@code client_msg_id} found the original instead of creating one.
 */
public record SentMessage(Message message, Audience audience, boolean replay) {
}
