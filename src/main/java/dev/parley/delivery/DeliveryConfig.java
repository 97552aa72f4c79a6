package dev.parley.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Event fan-out between replicas ({@code parley.redis.*}). */
@ConfigMapping(prefix = "parley.redis")
public interface DeliveryConfig {

    /** Prefix of every Redis key and channel Parley uses, so several deployments can share a Redis. */
    @WithName("key-prefix")
    @WithDefault("parley")
    String keyPrefix();
}
