package dev.parley.limits;

import dev.parley.cluster.RateLimiter;
import dev.parley.cluster.Unchecked;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Handshakes per client IP across the cluster ({@code parley.limits.handshakes-per-minute},
 * burst {@code handshake-burst}; {@link RateLimiter}): a script reconnecting in a
 * loop gets 429 before it costs a token check and a database write, whichever
 * replica it reaches.
 */
@ApplicationScoped
public class HandshakeLimiter implements HttpUpgradeCheck {

    private final RateLimiter limiter;
    private final LimitsConfig config;
    private final Unchecked unchecked;

    HandshakeLimiter(RateLimiter limiter, LimitsConfig config, Unchecked unchecked) {
        this.limiter = limiter;
        this.config = config;
        this.unchecked = unchecked;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String ip = context.httpRequest().remoteAddress() == null ? "unknown" : context.httpRequest().remoteAddress().host();
        return admit(ip).chain(admitted -> admitted ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(429));
    }

    /** Takes one handshake from the address's rate; false when it went over. Also for handshakes that are not upgrades (Socket.IO polling). */
    public Uni<Boolean> admit(String ip) {
        return limiter.take("handshake:" + ip, config.handshakesPerMinute() / 60_000.0, config.handshakeBurst())
                .onFailure().recoverWithItem(failure -> unchecked.passed("handshake", failure))
                .map(wait -> wait == 0);
    }
}
