package dev.parley.cluster;

import dev.parley.metrics.LimitMetrics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes live frames to a local connection within a bound: frames handed to the
 * socket but not yet written, and frames held back (before {@code connected},
 * during a {@code sync} replay), count against {@code parley.limits.outbound-queue}.
 * Beyond half of it droppable frames (typing, presence) are dropped; at all of
 * it the connection is to be closed ({@link Verdict#OVERFLOW}).
 */
@ApplicationScoped
class Outbound {

    enum Verdict { SENT, HELD, DROPPED, OVERFLOW }

    private final int capacity;
    private final LimitMetrics metrics;
    private final Event<FrameDelivered> delivered;

    Outbound(ConnectionLimits limits, LimitMetrics metrics, Event<FrameDelivered> delivered) {
        this.capacity = limits.outboundQueue();
        this.metrics = metrics;
        this.delivered = delivered;
    }

    Verdict offer(Session session, Envelope envelope) {
        if (session.state().compareTo(Session.State.CLOSING) >= 0
                || envelope.chatId() != null && session.isMuted(envelope.chatId())) {
            return Verdict.DROPPED;
        }
        Verdict reserved = reserve(session.pending(), envelope.droppable());
        if (reserved != Verdict.SENT) {
            return reserved;
        }
        HeldFrames held = session.held();
        if (held != null && held.offer(envelope)) {
            return Verdict.HELD;
        }
        write(session, envelope);
        return Verdict.SENT;
    }

    /**
     * Writes the frames held for the session, in order, except new messages a
     * replay already contained ({@code replayed}: chat id to the last seq replayed).
     */
    void release(Session session, Map<Long, Long> replayed) {
        HeldFrames held = session.unhold();
        if (held == null) {
            return;
        }
        held.release(envelope -> {
            Long upTo = envelope.chatId() == null ? null : replayed.get(envelope.chatId());
            if (upTo != null && envelope.seq() != null && envelope.seq() <= upTo) {
                session.pending().decrementAndGet();
            } else {
                write(session, envelope);
            }
        });
    }

    /** Counts a frame as pending unless the bound says otherwise; exact under concurrent writers. */
    private Verdict reserve(AtomicInteger pending, boolean droppable) {
        while (true) {
            int waiting = pending.get();
            if (waiting >= capacity) {
                return Verdict.OVERFLOW;
            }
            if (droppable && waiting >= capacity / 2) {
                metrics.dropped();
                return Verdict.DROPPED;
            }
            if (pending.compareAndSet(waiting, waiting + 1)) {
                return Verdict.SENT;
            }
        }
    }

    private void write(Session session, Envelope envelope) {
        String text = session.dialect().translate(envelope.frame());
        if (text == null) { // a frame this connection's dialect does not have
            session.pending().decrementAndGet();
            return;
        }
        session.link().send(text)
                .onTermination().invoke(() -> session.pending().decrementAndGet())
                .subscribe().with(
                        ok -> {
                            Receipt receipt = envelope.receipt();
                            if (receipt != null && receipt.senderId() != session.userId() && envelope.chatId() != null) {
                                delivered.fire(new FrameDelivered(session.userId(), envelope.chatId(), receipt));
                            }
                        },
                        failure -> Log.debugf("Write to %s failed: %s", session.id(), failure.getMessage()));
    }
}
