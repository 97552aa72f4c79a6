package dev.parley.cluster;

/**
 * A frame on its way through the broker: one header line, then the frame's JSON,
 * encoded once for all recipients. The header is {@code skip|chat|receipt|seq|droppable|sentAt}:
 * the connection that must not get the frame (the one that caused it and was
 * answered directly), the conversation it belongs to (so a connection that left
 * it can ignore it), and for a message whose arrival the sender wants to know,
 * {@code messageId:seq:senderId}, and for a new message its seq (so a replay can
 * drop what it already sent), and {@code d} for a frame a slow connection may
 * lose (typing, presence), and when it was published (epoch ms, for the fan-out
 * lag metric). Empty fields mean none. Only this record reads or writes the form.
 */
record Envelope(String skipConnectionId, Long chatId, Receipt receipt, Long seq, boolean droppable, long sentAt,
                String frame) implements Publication {

    @Override
    public String encode() {
        return skipConnectionId + '|' + (chatId == null ? "" : chatId) + '|'
                + (receipt == null ? "" : receipt.messageId() + ":" + receipt.seq() + ":" + receipt.senderId())
                + '|' + (seq == null ? "" : seq) + '|' + (droppable ? "d" : "") + '|' + sentAt + '\n' + frame;
    }

    static Envelope decode(String payload) {
        int newline = payload.indexOf('\n');
        String[] header = payload.substring(0, newline).split("\\|", -1);
        Long chatId = header[1].isEmpty() ? null : Long.valueOf(header[1]);
        Receipt receipt = null;
        if (!header[2].isEmpty()) {
            String[] parts = header[2].split(":");
            receipt = new Receipt(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }
        Long seq = header[3].isEmpty() ? null : Long.valueOf(header[3]);
        return new Envelope(header[0], chatId, receipt, seq, "d".equals(header[4]), Long.parseLong(header[5]),
                payload.substring(newline + 1));
    }
}
