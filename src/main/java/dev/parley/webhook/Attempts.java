package dev.parley.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One attempt at one claimed event: resolves it the first time (drops it if it no
 * longer applies, else freezes its body), sends it, and records the outcome:
 * delivered events leave the outbox, failed ones come back after the backoff or,
 * after the last attempt, become dead letters.
 */
@ApplicationScoped
class Attempts {

    private final Outbox outbox;
    private final Relevance relevance;
    private final WebhookClient client;
    private final WebhookMetrics metrics;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final int maxAttempts;

    Attempts(Outbox outbox, Relevance relevance, WebhookClient client, WebhookMetrics metrics, ObjectMapper json,
             WebhookConfig config) {
        this.outbox = outbox;
        this.relevance = relevance;
        this.client = client;
        this.metrics = metrics;
        this.json = json;
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
        this.maxAttempts = config.maxAttempts();
    }

    Uni<Void> make(ClaimedEvent event, UUID claim) {
        String body = event.body();
        if (body == null) {
            String skip = relevance.skipReason(event);
            if (skip != null) {
                metrics.skipped(skip);
                return outbox.done(event.id(), claim).replaceWithVoid();
            }
            body = body(event);
        }
        String sent = body;
        return client.post(event.id().toString(), event.type(), sent).chain(outcome -> outcome.delivered()
                ? outbox.done(event.id(), claim).invoke(held -> {
                    metrics.sent();
                    if (!held) {
                        Log.warnf("Webhook event %s was delivered after its lease ran out", event.id());
                    }
                }).replaceWithVoid()
                : failed(event, claim, sent, outcome.error()));
    }

    private Uni<Void> failed(ClaimedEvent event, UUID claim, String body, String error) {
        boolean dead = event.attempts() >= maxAttempts;
        metrics.failed();
        return outbox.failed(event.id(), claim, body, error, backoff.after(event.attempts(), ThreadLocalRandom.current()), dead)
                .invoke(held -> {
                    if (dead && held) {
                        metrics.deadLettered();
                        Log.warnf("Webhook event %s (%s, message %d, user %d) is a dead letter after %d attempts: %s",
                                event.id(), event.type(), event.messageId(), event.userId(), event.attempts(), error);
                    } else {
                        Log.debugf("Webhook event %s attempt %d failed: %s", event.id(), event.attempts(), error);
                    }
                }).replaceWithVoid();
    }

    private String body(ClaimedEvent event) {
        try {
            return json.writeValueAsString(WebhookEvent.of(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook event that Jackson cannot write", e);
        }
    }
}
