package dev.parley.cluster;

/** The {@link Broker} contract against the Redis implementation, on a redis-server of its own. */
class RedisBrokerTest extends BrokerContract {

    @Override
    Broker create(Ports ports) {
        return ports.redisBroker();
    }
}
