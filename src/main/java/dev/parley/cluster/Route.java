package dev.parley.cluster;

/**
 * How an event travels besides its frame: the connection to skip, the
 * conversation it belongs to, whether its delivery is reported to a sender, and
 * the seq that orders it among the conversation's messages.
 */
public record Route(String skipConnectionId, Long chatId, Receipt receipt, String orderKey, Long seq) {

    public static final Route DIRECT = new Route(null, null, null, null, null);

    public static Route of(Long chatId) {
        return new Route(null, chatId, null, null, null);
    }

    public Route skipping(String connectionId) {
        return new Route(connectionId, chatId, receipt, orderKey, seq);
    }

    public Route withReceipt(long messageId, long seq, long senderId) {
        return new Route(skipConnectionId, chatId, new Receipt(messageId, seq, senderId), orderKey, this.seq);
    }

    /** Published in {@code seq} order among the messages of the order named {@code orderKey}. */
    public Route inOrder(String orderKey, long seq) {
        return new Route(skipConnectionId, chatId, receipt, orderKey, seq);
    }
}
