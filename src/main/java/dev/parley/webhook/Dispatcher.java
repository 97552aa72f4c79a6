package dev.parley.webhook;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.UUID;

/**
 * Each replica's delivery loop, only while webhooks are on: claims a batch of due
 * events, makes their attempts at once, and polls again at once after a full batch,
 * else after the poll interval. Nothing runs, and nothing reads the database, when
 * {@code parley.webhooks.url} is unset.
 */
@ApplicationScoped
class Dispatcher {

    /** How often the outbox gauges are refreshed; a count over the outbox, so not on every poll. */
    private static final long STATS_MILLIS = 5_000;

    private final Outbox outbox;
    private final Attempts attempts;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;
    private final Vertx vertx;
    private volatile boolean running;
    private volatile long statsTimer = -1;

    Dispatcher(Outbox outbox, Attempts attempts, WebhookMetrics metrics, WebhookConfig config, Vertx vertx) {
        this.outbox = outbox;
        this.attempts = attempts;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    // After OutboxSwitch, which refuses to start on wrong settings.
    void start(@Observes @Priority(30) StartupEvent event) {
        if (config.url().isEmpty()) {
            return;
        }
        running = true;
        vertx.runOnContext(ignored -> poll());
        statsTimer = vertx.setPeriodic(STATS_MILLIS, id -> outbox.stats().subscribe().with(metrics::stats,
                failure -> Log.debugf("Webhook outbox statistics not read: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false; // what is in flight finishes or, if cut short, is retaken after its lease
        vertx.cancelTimer(statsTimer); // dev mode keeps Vert.x across restarts
    }

    private void poll() {
        if (!running) {
            return;
        }
        UUID claim = UUID.randomUUID();
        outbox.claim(config.batchSize(), config.leaseTime(), claim)
                .call(events -> attemptAll(events, claim))
                .subscribe().with(
                        events -> next(events.size() >= config.batchSize() ? 1 : config.pollInterval().toMillis()),
                        failure -> {
                            Log.warnf("Webhook poll failed, retrying in %s: %s", config.pollInterval(), failure.getMessage());
                            next(config.pollInterval().toMillis());
                        });
    }

    private Uni<Void> attemptAll(List<ClaimedEvent> events, UUID claim) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // One event's trouble is not the batch's: it is retaken once its lease runs out.
        return Uni.join().all(events.stream().map(event -> Uni.createFrom().deferred(() -> attempts.make(event, claim))
                        .onFailure().invoke(failure -> Log.warnf("Webhook event %s not recorded: %s", event.id(),
                                failure.getMessage()))
                        .onFailure().recoverWithNull()).toList())
                .andFailFast().replaceWithVoid();
    }

    private void next(long delayMillis) {
        if (running) {
            vertx.setTimer(delayMillis, id -> poll());
        }
    }
}
