package dev.parley.cluster;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * The port that holds the names live in each room across the cluster: a guest's
 * connection claims its name in its room, and a second connection asking for the
 * same name is refused while the first lives. Unlike {@link ConnectionRegistry},
 * which makes room for the newest connection by dropping the oldest, a claim never
 * takes a name from a live holder (else anyone could push a guest out by
 * connecting with their name). A claim held by a replica that died (its heartbeat
 * older than the presence TTL) no longer counts. Implemented in memory (one
 * replica) and on Redis.
 */
public interface RoomNames {

    /** Claims {@code name} in room {@code chatId} for {@code connectionId}; false when a live connection holds it. */
    Uni<Boolean> claim(long chatId, String name, String connectionId);

    /** Gives the name back, if {@code connectionId} still holds it. */
    Uni<Void> release(long chatId, String name, String connectionId);

    /** The names live connections hold in the room, ascending. */
    Uni<List<String>> names(long chatId);
}
