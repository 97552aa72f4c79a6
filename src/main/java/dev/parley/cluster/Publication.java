package dev.parley.cluster;

/**
 * What travels on a user's or a room's channel: a frame for the connections
 * there ({@link Envelope}), or an order to close them ({@link Disconnect}).
 */
sealed interface Publication permits Envelope, Disconnect {

    String encode();

    static Publication decode(String payload) {
        return payload.startsWith(Disconnect.MARK) ? Disconnect.decode(payload) : Envelope.decode(payload);
    }
}
