package dev.parley.protocol;

/**
 * How one kind of client sees {@link ServerFrame}s on the wire. Every connection
 * speaks one dialect, chosen by its endpoint; events cross the cluster encoded
 * once in Parley's own form ({@link FrameCodec}) and are translated, where a
 * dialect differs, only as they are written to its connections.
 */
public interface Dialect {

    /** The text of a frame built on this replica for this connection, or null when this dialect has no such frame. */
    String encode(ServerFrame frame);

    /**
     * The text of a frame that arrived already encoded in Parley's own form, or
     * null when this dialect has no such frame (it is then not written).
     */
    String translate(String parleyText);
}
