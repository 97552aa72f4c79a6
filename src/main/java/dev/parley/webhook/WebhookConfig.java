package dev.parley.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Webhooks for people who are away ({@code parley.webhooks.*}). Off unless
 * {@code url} is set; {@link OutboxSwitch} checks the values at start-up.
 */
@ConfigMapping(prefix = "parley.webhooks")
public interface WebhookConfig {

    /** Where events are POSTed ({@code http} or {@code https}); unset, the default, turns webhooks off. */
    Optional<String> url();

    /** The HMAC-SHA256 key of the {@code X-Parley-Signature} header; required when {@code url} is set. */
    Optional<String> secret();

    /** A {@code message.unread} goes out this long after a message its recipient has not read; 0 turns them off. */
    @WithDefault("10m")
    Duration unreadDelay();

    /** Attempts per event, the first included; after the last failed one the event is a dead letter. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("10s")
    Duration backoffBase();

    /** The longest wait between two attempts. Each wait is drawn between half of its nominal value and all of it. */
    @WithDefault("1h")
    Duration backoffMax();

    /** An attempt fails when the receiver sends nothing for this long (connecting included). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Most events a replica claims, and sends at once, per poll. */
    @WithDefault("50")
    int batchSize();

    /** How often a replica looks for due events when the previous poll found fewer than a batch. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a claim keeps other replicas away from an event. A replica that dies
     * mid-send leaves its events to the others after this; it must exceed the request timeout.
     */
    @WithDefault("60s")
    Duration leaseTime();
}
