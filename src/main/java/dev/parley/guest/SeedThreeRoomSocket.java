package dev.parley.guest;

import io.quarkus.websockets.next.WebSocket;

/**
 * Seed 003's {@code /ws/chat/{room}/{username}}: seed 002's frames (seed 003 shows
 * none of its own for rooms), and a plain text frame is a message, as seed 003's
 * clients send.
 */
@WebSocket(path = "/ws/chat/{room}/{username}", endpointId = GuestSwitch.SEED_003)
public class SeedThreeRoomSocket extends GuestRoomEndpoint {

    SeedThreeRoomSocket(GuestEndpoints parts) {
        super(parts);
    }

    @Override
    protected boolean plainText() {
        return true;
    }
}
