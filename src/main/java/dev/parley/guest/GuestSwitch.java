package dev.parley.guest;

import dev.parley.error.ErrorCode;
import dev.parley.error.HandshakeRefusal;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Guest rooms are off unless {@code parley.rooms.guests.enabled}: then their paths
 * do not upgrade and answer 404 with the JSON error body.
 */
@ApplicationScoped
public class GuestSwitch implements HttpUpgradeCheck {

    static final String SEED_002 = "guest-room-seed-002";
    static final String SEED_003 = "guest-room-seed-003";
    private static final Set<String> ENDPOINTS = Set.of(SEED_002, SEED_003);

    private final GuestConfig config;

    GuestSwitch(GuestConfig config) {
        this.config = config;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ENDPOINTS.contains(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (config.enabled()) {
            return CheckResult.permitUpgrade();
        }
        return Uni.createFrom().failure(new HandshakeRefusal(ErrorCode.NOT_FOUND,
                "Guest rooms are off on this server (parley.rooms.guests.enabled)", null));
    }
}
