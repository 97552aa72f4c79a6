package dev.parley.chat;

/**
 * {@code readerId} has read everything up to {@code message} in its conversation.
 * {@code advanced} is false when the watermark was already there (nothing to tell).
 */
public record ReadReceipt(Message message, long readerId, boolean advanced) {
}
