package dev.parley.guest;

import dev.parley.gateway.Draining;
import dev.parley.gateway.Guards;
import dev.parley.gateway.Sessions;
import jakarta.inject.Singleton;

/** What both guest room endpoints are built from, injected once. */
@Singleton
public final class GuestEndpoints {

    private final Guests guests;
    private final GuestRooms rooms;
    private final GuestWire wire;
    private final SeedRequests requests;
    private final Sessions sessions;
    private final Guards guards;
    private final Draining draining;

    GuestEndpoints(Guests guests, GuestRooms rooms, GuestWire wire, SeedRequests requests, Sessions sessions,
                   Guards guards, Draining draining) {
        this.guests = guests;
        this.rooms = rooms;
        this.wire = wire;
        this.requests = requests;
        this.sessions = sessions;
        this.guards = guards;
        this.draining = draining;
    }

    Guests guests() {
        return guests;
    }

    GuestRooms rooms() {
        return rooms;
    }

    GuestWire wire() {
        return wire;
    }

    SeedRequests requests() {
        return requests;
    }

    Sessions sessions() {
        return sessions;
    }

    Guards guards() {
        return guards;
    }

    Draining draining() {
        return draining;
    }
}
