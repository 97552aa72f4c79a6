package dev.parley.cluster;

/**
 * A message whose sender wants receipts was written to a connection of
 * {@code recipientId}: a CDI event, observed where delivery watermarks are kept.
 */
public record FrameDelivered(long recipientId, long chatId, Receipt receipt) {
}
