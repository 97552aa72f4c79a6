package dev.parley.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of what was refused, at /q/metrics. */
@ApplicationScoped
public class LimitMetrics {

    private final MeterRegistry registry;

    LimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void rateLimited() {
        registry.counter("parley_rate_limited_total").increment();
    }

    public void errorFrame(String code) {
        registry.counter("parley_error_frames_total", "code", code).increment();
    }

    public void closed(int code, String reason) {
        registry.counter("parley_connections_closed_total", "code", String.valueOf(code), "reason", reason).increment();
    }

    public void dropped() {
        registry.counter("parley_dropped_frames_total").increment();
    }

    /** An action a cluster-wide limit let through because the cluster store was unreachable. */
    public void unchecked(String limit) {
        registry.counter("parley_rate_limit_unchecked_total", "limit", limit).increment();
    }

    public void rejectedHandshake(String reason) {
        registry.counter("parley_rejected_handshakes_total", "reason", reason).increment();
    }
}
