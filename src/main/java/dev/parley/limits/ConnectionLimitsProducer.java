package dev.parley.limits;

import dev.parley.cluster.ConnectionLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** Hands the connection limits to the cluster's node. */
@ApplicationScoped
class ConnectionLimitsProducer {

    @Produces
    @Singleton // a record cannot have a client proxy
    ConnectionLimits connectionLimits(LimitsConfig config) {
        return new ConnectionLimits(config.outboundQueue(), config.connectionsPerUser());
    }
}
