package dev.parley.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What travels on a channel reads back as it was written. */
class PublicationTest {

    @Test
    void anEnvelopeWithEveryFieldRoundTrips() {
        Envelope envelope = new Envelope("conn-1", 42L, new Receipt(7, 3, 9), 3L, true, 1234,
                "{\"type\":\"message\",\"content\":\"a|b\\nc\"}");
        assertEquals(envelope, Publication.decode(envelope.encode()));
    }

    @Test
    void anEnvelopeWithoutOptionalFieldsRoundTrips() {
        Envelope envelope = new Envelope("", null, null, null, false, 5, "{}");
        assertEquals(envelope, Publication.decode(envelope.encode()));
    }

    @Test
    void aDisconnectRoundTripsAndSaysWhomItConcerns() {
        Disconnect all = new Disconnect(4003, "account deleted", null);
        Disconnect one = new Disconnect(4002, "too many connections", "conn-2");
        assertEquals(all, Publication.decode(all.encode()));
        assertEquals(one, Publication.decode(one.encode()));
        assertTrue(all.concerns("any"));
        assertTrue(one.concerns("conn-2"));
        assertFalse(one.concerns("conn-3"));
    }

    @Test
    void aPresenceAnnouncementRoundTripsAndAnythingElseIsNone() {
        PresenceAnnouncement online = new PresenceAnnouncement(true, "replica-1", 7, 42);
        PresenceAnnouncement offline = new PresenceAnnouncement(false, "replica-1", 8, 42);
        assertEquals(online, PresenceAnnouncement.decode(online.encode()));
        assertEquals(offline, PresenceAnnouncement.decode(offline.encode()));
        assertEquals(null, PresenceAnnouncement.decode("?|replica-1|7|42"));
    }
}
