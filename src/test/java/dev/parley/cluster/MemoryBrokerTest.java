package dev.parley.cluster;

/** The {@link Broker} contract against the in-memory implementation. */
class MemoryBrokerTest extends BrokerContract {

    @Override
    Broker create(Ports ports) {
        return ports.memoryBroker();
    }
}
