package dev.parley.cluster;

import dev.parley.cluster.memory.MemoryConnectionRegistry;

/** The {@link ConnectionRegistry} contract against the in-memory implementation. */
class MemoryConnectionRegistryTest extends ConnectionRegistryContract {

    @Override
    ConnectionRegistry create(Ports ports, Replica replica) {
        return new MemoryConnectionRegistry(replica);
    }
}
