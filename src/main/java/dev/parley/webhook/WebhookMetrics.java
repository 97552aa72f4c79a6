package dev.parley.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webhook metrics at /q/metrics. The counters are this replica's; the gauges
 * describe the whole outbox, as this replica last read it (every few seconds,
 * while webhooks are on).
 */
@Startup // registered at boot, so every series exists before the first event
@ApplicationScoped
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter failed;
    private final Counter deadLettered;
    private final Map<String, Counter> skipped = new ConcurrentHashMap<>();
    private volatile Outbox.Stats stats = new Outbox.Stats(0, 0, 0);

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sent = Counter.builder("parley_webhook_events_sent")
                .description("Webhook events delivered (a 2xx answer) by this replica").register(registry);
        this.failed = Counter.builder("parley_webhook_events_failed")
                .description("Webhook attempts that failed (status, timeout, connection) on this replica").register(registry);
        this.deadLettered = Counter.builder("parley_webhook_events_dead_lettered")
                .description("Webhook events whose last attempt failed on this replica").register(registry);
        for (String reason : new String[] {"online", "read", "gone"}) {
            skippedCounter(reason);
        }
        // Held strongly: a gauge holds its object weakly by default, and a collected one vanishes from a scrape.
        Gauge.builder("parley_webhook_events_pending", this, metrics -> metrics.stats.pending())
                .description("Webhook events waiting to be sent, not yet due ones included")
                .strongReference(true).register(registry);
        Gauge.builder("parley_webhook_events_dead", this, metrics -> metrics.stats.dead())
                .description("Webhook events in the dead-letter list").strongReference(true).register(registry);
        Gauge.builder("parley_webhook_oldest_pending_age_seconds", this, metrics -> metrics.stats.oldestPendingSeconds())
                .description("Seconds since the oldest pending webhook event became due")
                .strongReference(true).register(registry);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    /** An event dropped at its first resolution because it no longer applied. */
    void skipped(String reason) {
        skippedCounter(reason).increment();
    }

    private Counter skippedCounter(String reason) {
        return skipped.computeIfAbsent(reason, key -> Counter.builder("parley_webhook_events_skipped").tag("reason", key)
                .description("Webhook events not sent because they no longer applied").register(registry));
    }

    void stats(Outbox.Stats stats) {
        this.stats = stats;
    }
}
