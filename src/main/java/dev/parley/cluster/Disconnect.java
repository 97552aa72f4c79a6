package dev.parley.cluster;

/**
 * Closes connections of a user on whichever replica holds them: all of them
 * (a deleted user), or one ({@code connectionId}: the oldest beyond the cap).
 * On the wire: {@code !close|code|connection id or empty|reason}.
 */
record Disconnect(int code, String reason, String connectionId) implements Publication {

    static final String MARK = "!close|";

    @Override
    public String encode() {
        return MARK + code + '|' + (connectionId == null ? "" : connectionId) + '|' + reason;
    }

    static Disconnect decode(String payload) {
        String[] parts = payload.substring(MARK.length()).split("\\|", 3);
        return new Disconnect(Integer.parseInt(parts[0]), parts[2], parts[1].isEmpty() ? null : parts[1]);
    }

    boolean concerns(String sessionId) {
        return connectionId == null || connectionId.equals(sessionId);
    }
}
