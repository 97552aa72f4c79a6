package dev.parley.delivery;

/**
 * What travels on a user channel: the id of a connection that must not get the
 * frame (the one that caused it and was answered directly; empty for none), a
 * newline, and the frame's JSON, encoded once for all recipients.
 */
record Envelope(String skipConnectionId, String frame) {

    String encode() {
        return skipConnectionId + '\n' + frame;
    }

    static Envelope decode(String payload) {
        int newline = payload.indexOf('\n');
        return newline < 0 ? new Envelope("", payload)
                : new Envelope(payload.substring(0, newline), payload.substring(newline + 1));
    }
}
