package dev.parley.cluster;

/** Identifies a message whose arrival at a recipient's connection is reported to its sender. */
public record Receipt(long messageId, long seq, long senderId) {
}
