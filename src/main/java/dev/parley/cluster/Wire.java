package dev.parley.cluster;

/**
 * How a connection's live frames look on its socket. Frames travel the cluster
 * once, in Parley's JSON ({@code protocol.FrameCodec}); a dialect's connection
 * translates them at its own edge, just before the write, so delivery, ordering
 * and the outbound bound stay one piece of code for every protocol.
 */
@FunctionalInterface
public interface Wire {

    /** Parley's own protocol: frames go out as they are. */
    Wire PARLEY = frame -> frame;

    /** The text to write for {@code frame} (Parley's JSON), or null when this wire has no such frame. */
    String translate(String frame);
}
