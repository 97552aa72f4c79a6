package dev.parley.delivery;

/**
 * How an event travels besides its frame: the connection to skip, the
 * conversation it belongs to, and whether its delivery is reported to a sender.
 */
public record Route(String skipConnectionId, Long chatId, Receipt receipt) {

    public static final Route DIRECT = new Route(null, null, null);

    public static Route of(Long chatId) {
        return new Route(null, chatId, null);
    }

    public Route skipping(String connectionId) {
        return new Route(connectionId, chatId, receipt);
    }

    public Route withReceipt(long messageId, long seq, long senderId) {
        return new Route(skipConnectionId, chatId, new Receipt(messageId, seq, senderId));
    }
}
