package dev.parley.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Cluster-wide presence ({@code parley.presence.*}). */
@ConfigMapping(prefix = "parley.presence")
public interface PresenceConfig {

    /** How often this replica renews its presence record in Redis. */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * How long a replica's presence record outlives its last renewal. A replica that
     * dies without a goodbye stops counting its users as online after this time.
     */
    @WithDefault("20s")
    Duration ttl();

    /**
     * Most users a {@code connected} frame lists in {@code online_users}; beyond, the
     * full list is {@code GET /api/v1/ws/online-users}.
     */
    @WithDefault("1000")
    int connectedListLimit();
}
