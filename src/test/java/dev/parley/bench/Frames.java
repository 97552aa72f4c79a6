package dev.parley.bench;

/**
 * Reads the few fields the generator needs straight from a frame's text: a JSON
 * parse per frame would cost the generator more CPU than the service it loads.
 * Relies on Parley's frames being compact JSON with {@code type} first.
 */
final class Frames {

    private Frames() {
    }

    static boolean isType(String frame, String type) {
        return frame.startsWith("{\"type\":\"" + type + "\"");
    }

    /** A numeric field's value, or -1 when absent. */
    static long longField(String frame, String name) {
        return longField(frame, name, 0);
    }

    static long longField(String frame, String name, int from) {
        int at = frame.indexOf("\"" + name + "\":", from);
        if (at < 0) {
            return -1;
        }
        return digitsAt(frame, at + name.length() + 3);
    }

    private static long digitsAt(String frame, int start) {
        long value = 0;
        for (int i = start; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The send time a generated message carries: its content is
     * {@code <phase>:<nanoTime scheduled>:<padding>}. -1 for another phase's message.
     */
    static long scheduledAt(String frame, String phase) {
        String marker = "\"content\":\"" + phase + ":";
        int at = frame.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        return digitsAt(frame, at + marker.length());
    }

    /** A message's content: phase, scheduled send time, and padding up to a realistic chat line. */
    static String content(String phase, long scheduledNanos) {
        return phase + ":" + scheduledNanos + ":" + "Hello, this is a benchmark message of about chat size.";
    }

    /** A 1:1 {@code message} frame, with a {@code client_msg_id} as the page sends, carrying {@link #content}. */
    static String direct(long recipientId, String clientMsgId, String phase, long scheduledNanos) {
        return "{\"type\":\"message\",\"recipient_id\":" + recipientId + ",\"client_msg_id\":\"" + clientMsgId
                + "\",\"content\":\"" + content(phase, scheduledNanos) + "\"}";
    }

    /** A JSON string literal for a value that needs no escaping. */
    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
