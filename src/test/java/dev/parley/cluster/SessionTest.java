package dev.parley.cluster;

import dev.parley.auth.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session's life and its held frames, without a server. */
class SessionTest {

    final AtomicInteger frameTokens = new AtomicInteger(2);
    final Session session = Session.detached(new Caller(7, "seven", null, Set.of(), Instant.MAX),
            () -> frameTokens.getAndDecrement() > 0);

    @Test
    void lifeOnlyMovesForwardAndEachStepHappensOnce() {
        assertEquals(Session.State.OPENED, session.state());
        assertTrue(session.advance(Session.State.LIVE));
        assertFalse(session.advance(Session.State.LIVE), "live once");
        assertTrue(session.advance(Session.State.RELEASED), "a release may come without a close");
        assertFalse(session.advance(Session.State.CLOSING), "never back");
        assertFalse(session.advance(Session.State.RELEASED), "released once");
    }

    @Test
    void framesHeldBeforeGoingLiveAreReleasedInOrderOnce() {
        HeldFrames held = session.unhold();
        assertTrue(held.offer(envelope(1)));
        assertTrue(held.offer(envelope(2)));
        List<Long> written = new ArrayList<>();
        held.release(envelope -> written.add(envelope.seq()));
        assertEquals(List.of(1L, 2L), written);
        assertFalse(held.offer(envelope(3)), "after the release, frames go straight");
        assertNull(session.unhold(), "nothing held any more");
        session.hold();
        assertTrue(session.held() != null, "a replay holds again");
    }

    @Test
    void theFrameRateIsTheSessionsOwn() {
        assertTrue(session.admitFrame());
        assertTrue(session.admitFrame());
        assertFalse(session.admitFrame(), "two tokens, then none");
    }

    private static Envelope envelope(long seq) {
        return new Envelope("", 1L, null, seq, false, 0, "{}");
    }
}
