package dev.parley.cluster;

import dev.parley.cluster.memory.MemoryRoomNames;

/** The {@link RoomNames} contract against the in-memory implementation. */
class MemoryRoomNamesTest extends RoomNamesContract {

    @Override
    RoomNames create(Ports ports, Replica replica) {
        return new MemoryRoomNames();
    }
}
