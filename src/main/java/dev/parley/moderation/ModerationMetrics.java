package dev.parley.moderation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** Reports filed, and resolutions by action, at /q/metrics. */
@Startup // registered at boot, so every series exists before the first report
@ApplicationScoped
public class ModerationMetrics {

    private final Counter filed;
    private final Map<Resolution, Counter> resolved = new EnumMap<>(Resolution.class);

    ModerationMetrics(MeterRegistry registry) {
        this.filed = Counter.builder("parley_reports_filed").description("Message reports filed").register(registry);
        for (Resolution action : Resolution.values()) {
            resolved.put(action, Counter.builder("parley_reports_resolved").tag("action", action.wireName())
                    .description("Reports resolved by admins (each closes every open report of its message)")
                    .register(registry));
        }
    }

    void filed() {
        filed.increment();
    }

    void resolved(Resolution action) {
        resolved.get(action).increment();
    }
}
