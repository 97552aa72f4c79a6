package dev.parley.gateway;

import dev.parley.error.ErrorCode;
import dev.parley.error.HandshakeRefusal;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An operator's on/off switch for optional WebSocket endpoints (guest rooms,
 * Socket.IO): when off, their paths do not upgrade and answer 404 with the JSON
 * error body, naming the property that turns them on.
 */
public abstract class EndpointSwitch implements HttpUpgradeCheck {

    private final Set<String> endpointIds;
    private final BooleanSupplier enabled;
    private final String whenOff;

    protected EndpointSwitch(Set<String> endpointIds, BooleanSupplier enabled, String whenOff) {
        this.endpointIds = endpointIds;
        this.enabled = enabled;
        this.whenOff = whenOff;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointIds.contains(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (enabled.getAsBoolean()) {
            return CheckResult.permitUpgrade();
        }
        return Uni.createFrom().failure(new HandshakeRefusal(ErrorCode.NOT_FOUND, whenOff, null));
    }
}
