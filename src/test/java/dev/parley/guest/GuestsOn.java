package dev.parley.guest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Runs the service with guest rooms on ({@code parley.rooms.guests.enabled=true}) and a roomy address limit. */
public class GuestsOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.rooms.guests.enabled", "true",
                "parley.rooms.guests.messages-per-address-per-minute", "60000",
                "parley.rooms.guests.message-burst-per-address", "1000");
    }
}
