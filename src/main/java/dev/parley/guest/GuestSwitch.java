package dev.parley.guest;

import dev.parley.gateway.EndpointSwitch;
import jakarta.inject.Singleton;

import java.util.Set;

/** Guest rooms are off unless {@code parley.rooms.guests.enabled}. */
@Singleton
public class GuestSwitch extends EndpointSwitch {

    static final String SEED_002 = "guest-room-seed-002";
    static final String SEED_003 = "guest-room-seed-003";

    GuestSwitch(GuestConfig config) {
        super(Set.of(SEED_002, SEED_003), config::enabled,
                "Guest rooms are off on this server (parley.rooms.guests.enabled)");
    }
}
