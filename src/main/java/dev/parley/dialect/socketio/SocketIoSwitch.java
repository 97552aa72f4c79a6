package dev.parley.dialect.socketio;

import dev.parley.gateway.EndpointSwitch;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * With {@code parley.socketio.enabled=false}, Socket.IO's WebSocket transport does
 * not upgrade, as its polling transport answers 404 without its routes.
 */
@Singleton
public class SocketIoSwitch extends EndpointSwitch {

    static final String ENDPOINT = "socket-io";

    SocketIoSwitch(SocketIoConfig config) {
        super(Set.of(ENDPOINT), config::enabled,
                "Socket.IO is off on this server (parley.socketio.enabled)");
    }
}
