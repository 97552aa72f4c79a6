package dev.parley.webhook;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the webhook settings at start-up (a wrong one stops the start) and tells
 * the outbox trigger whether to write events: the one row of
 * {@code webhook_settings}. The database has one such row for all replicas, so the
 * replica that started last decides; give every replica the same settings.
 */
@ApplicationScoped
class OutboxSwitch {

    private static final String SET = """
            UPDATE webhook_settings SET enabled = $1, unread_delay = $2 * INTERVAL '1 millisecond', updated_at = now()
            """;

    private final WebhookConfig config;
    private final Pool pool;

    OutboxSwitch(WebhookConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Webhooks are misconfigured: " + String.join("; ", problems));
        }
        boolean on = config.url().isPresent();
        Long unreadMillis = on && !config.unreadDelay().isZero() ? config.unreadDelay().toMillis() : null;
        pool.preparedQuery(SET).execute(Tuple.of(on, unreadMillis)).await().atMost(Duration.ofSeconds(30));
        if (on) {
            URI url = URI.create(config.url().get());
            Log.infof("Webhooks on: events go to %s://%s, message.unread %s", url.getScheme(), url.getAuthority(),
                    unreadMillis == null ? "off" : "after " + config.unreadDelay());
        }
    }

    /** What is wrong with the settings, in words that say how to fix it; empty when nothing is. */
    static List<String> problems(WebhookConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.url().isEmpty()) {
            return problems;
        }
        try {
            URI url = URI.create(config.url().get());
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                problems.add("parley.webhooks.url must be an absolute http:// or https:// URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add("parley.webhooks.url is not a URL: " + e.getMessage());
        }
        if (config.secret().filter(secret -> !secret.isBlank()).isEmpty()) {
            problems.add("parley.webhooks.secret (PARLEY_WEBHOOKS_SECRET) is required when parley.webhooks.url is set");
        }
        if (config.maxAttempts() < 1 || config.batchSize() < 1) {
            problems.add("parley.webhooks.max-attempts and batch-size must be at least 1");
        }
        if (config.unreadDelay().isNegative() || !config.backoffBase().isPositive()
                || config.backoffMax().compareTo(config.backoffBase()) < 0 || !config.pollInterval().isPositive()) {
            problems.add("parley.webhooks.backoff-base and poll-interval must be positive, backoff-max at least "
                    + "backoff-base and unread-delay not negative");
        }
        if (config.leaseTime().compareTo(config.requestTimeout().multipliedBy(2)) < 0) {
            problems.add("parley.webhooks.lease-time must be at least twice request-timeout, or another replica "
                    + "could take an event while it is being sent");
        }
        return problems;
    }
}
