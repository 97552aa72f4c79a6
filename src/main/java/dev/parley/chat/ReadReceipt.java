package dev.parley.chat;

/**
 * {@code readerId} has read {@code audience.chatId()} up to {@code lastReadSeq}.
 * {@code message} is the message named by a {@code read} frame (null for
 * {@code read_messages}); {@code advanced} is false when the watermark was there
 * already, and {@code deliveredToo} when reading also moved the delivery watermark.
 */
public record ReadReceipt(Audience audience, long readerId, long lastReadSeq, Message message,
                          boolean advanced, boolean deliveredToo) {
}
