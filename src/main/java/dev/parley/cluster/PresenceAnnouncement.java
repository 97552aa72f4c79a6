package dev.parley.cluster;

/**
 * A replica's word that a user came to it or left it, on the presence channel, with
 * the version of the replica's user list it makes. On the wire:
 * {@code +|replica|version|user} or {@code -|replica|version|user}.
 */
record PresenceAnnouncement(boolean online, String replicaId, long version, long userId) {

    String encode() {
        return (online ? '+' : '-') + "|" + replicaId + "|" + version + "|" + userId;
    }

    /** The announcement, or null for a payload that is none. */
    static PresenceAnnouncement decode(String payload) {
        String[] parts = payload.split("\\|");
        if (parts.length != 4 || !(parts[0].equals("+") || parts[0].equals("-"))) {
            return null;
        }
        return new PresenceAnnouncement(parts[0].equals("+"), parts[1], Long.parseLong(parts[2]),
                Long.parseLong(parts[3]));
    }
}
