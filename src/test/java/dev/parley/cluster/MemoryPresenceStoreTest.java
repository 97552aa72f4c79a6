package dev.parley.cluster;

/** The {@link PresenceStore} contract against the in-memory implementation. */
class MemoryPresenceStoreTest extends PresenceStoreContract {

    @Override
    PresenceStore create(Ports ports) {
        return ports.memoryPresence();
    }
}
