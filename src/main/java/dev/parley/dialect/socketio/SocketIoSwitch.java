package dev.parley.dialect.socketio;

import dev.parley.error.ErrorCode;
import dev.parley.error.HandshakeRefusal;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * With {@code parley.socketio.enabled=false}, Socket.IO's WebSocket transport does
 * not upgrade and answers 404 with the JSON error body, as its polling transport
 * does without its routes.
 */
@ApplicationScoped
public class SocketIoSwitch implements HttpUpgradeCheck {

    static final String ENDPOINT = "socket-io";

    private final SocketIoConfig config;

    SocketIoSwitch(SocketIoConfig config) {
        this.config = config;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (config.enabled()) {
            return CheckResult.permitUpgrade();
        }
        return Uni.createFrom().failure(new HandshakeRefusal(ErrorCode.NOT_FOUND,
                "Socket.IO is off on this server (parley.socketio.enabled)", null));
    }
}
