package dev.parley.limits;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Handshakes per client IP on this replica ({@code parley.limits.handshakes-per-minute},
 * burst {@code handshake-burst}): a script reconnecting in a loop gets 429 before
 * it costs a token check and a database write. Buckets idle for a minute are forgotten.
 */
@ApplicationScoped
public class HandshakeLimiter implements HttpUpgradeCheck {

    private final ConcurrentHashMap<String, FloodGuard.Bucket> buckets = new ConcurrentHashMap<>();
    private final LimitsConfig config;
    private final LimitMetrics metrics;

    HandshakeLimiter(LimitsConfig config, LimitMetrics metrics, Vertx vertx) {
        this.config = config;
        this.metrics = metrics;
        vertx.setPeriodic(60_000, id -> buckets.values().removeIf(bucket -> bucket.idleFor() > 60_000));
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String ip = context.httpRequest().remoteAddress() == null ? "unknown" : context.httpRequest().remoteAddress().host();
        FloodGuard.Bucket bucket = buckets.computeIfAbsent(ip,
                key -> new FloodGuard.Bucket(config.handshakeBurst(), config.handshakesPerMinute() / 60_000.0));
        if (bucket.take()) {
            return CheckResult.permitUpgrade();
        }
        metrics.rejectedHandshake("rate_limited");
        return CheckResult.rejectUpgrade(429);
    }
}
