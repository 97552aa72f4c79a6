package dev.parley.cluster;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready while the broker's subscriptions are in place: a replica that reports
 * ready receives what the cluster publishes from then on (after a Redis outage,
 * only once every channel is subscribed again).
 */
@Readiness
@ApplicationScoped
class ClusterReadiness implements HealthCheck {

    private final Broker broker;
    private final ClusterConfig config;

    ClusterReadiness(Broker broker, ClusterConfig config) {
        this.broker = broker;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Parley cluster (" + config.mode().name().toLowerCase() + ")")
                .status(broker.isReady()).build();
    }
}
