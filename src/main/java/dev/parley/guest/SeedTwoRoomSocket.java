package dev.parley.guest;

import io.quarkus.websockets.next.WebSocket;

/**
 * Seed 002's {@code /ws/{room}/{username}}. Its path overlaps Parley's
 * {@code /ws/rooms/{room}} and {@code /ws/chat?...}, so the endpoint sits at
 * {@code /ws/guests/{room}/{username}} and {@link GuestPaths} routes seed 002's
 * path there, except when the first segment is {@code rooms} or {@code chat}:
 * Parley's own endpoints come first whatever order the routes were registered in.
 */
@WebSocket(path = GuestPaths.SEED_002_ENDPOINT, endpointId = GuestSwitch.SEED_002)
public class SeedTwoRoomSocket extends GuestRoomEndpoint {

    SeedTwoRoomSocket(GuestEndpoints parts) {
        super(parts);
    }

    @Override
    protected boolean plainText() {
        return false;
    }
}
