package dev.parley.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Live frames that arrived for a connection before it may have them: before its
 * {@code connected}, or while it is being sent a replay. Bounded by the outbound
 * queue, which counts them ({@link Outbound}).
 */
final class HeldFrames {

    private final List<Envelope> frames = new ArrayList<>();
    private boolean released;

    /** Keeps the frame for later; false once released (write it now). */
    synchronized boolean offer(Envelope envelope) {
        if (released) {
            return false;
        }
        frames.add(envelope);
        return true;
    }

    /** Hands every held frame, in arrival order, to {@code write}; later frames are not held. */
    synchronized void release(Consumer<Envelope> write) {
        released = true;
        frames.forEach(write);
        frames.clear();
    }
}
