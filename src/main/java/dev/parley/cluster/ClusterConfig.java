package dev.parley.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this replica joins the cluster ({@code parley.cluster.*}). */
@ConfigMapping(prefix = "parley.cluster")
public interface ClusterConfig {

    /** Where the cluster's shared state lives. */
    enum Mode {
        /** In this process: one replica only, no Redis needed. Never run two replicas this way. */
        MEMORY,
        /** In Redis: any number of replicas on one Redis. */
        REDIS
    }

    /**
     * {@code redis} (the default) for any number of replicas sharing one Redis;
     * {@code memory} for a single replica without Redis (one pod, scale-to-one,
     * local runs, most tests). Two replicas in memory mode do not see each other:
     * their users cannot reach one another.
     */
    @WithDefault("redis")
    Mode mode();
}
