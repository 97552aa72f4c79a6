package dev.parley.gateway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OpenConnections;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graceful shutdown. On SIGTERM the replica refuses new upgrades (503), closes
 * every connection with 1012 (service restart) so clients reconnect to another
 * replica, and waits for frames still being carried out, so whatever they commit
 * is committed before the process ends.
 */
@ApplicationScoped
public class Draining implements HttpUpgradeCheck {

    public static final CloseReason RESTART = new CloseReason(1012, "service restart");
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final OpenConnections connections;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    Draining(OpenConnections connections) {
        this.connections = connections;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return draining ? CheckResult.rejectUpgrade(503) : CheckResult.permitUpgrade();
    }

    /** Counts a frame as in flight until {@code work} ends (a dialect's too). */
    public <T> Uni<T> track(Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            inFlight.incrementAndGet();
            return work.onTermination().invoke(this::finished);
        });
    }

    /** The start of shutdown, before the HTTP server and websockets-next close anything. */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    /** A fallback when the shutdown delay is disabled. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain();
    }

    synchronized void drain() {
        if (draining) {
            return;
        }
        draining = true;
        List<Uni<Void>> closing = connections.stream()
                .map(connection -> connection.close(RESTART).onFailure().recoverWithNull())
                .toList();
        Log.infof("Draining: closing %d connections with 1012", closing.size());
        if (!closing.isEmpty()) {
            Uni.join().all(closing).andFailFast().await().atMost(GRACE);
        }
        awaitIdle();
        Log.infof("Drained (%d frames still in flight)", inFlight.get());
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        synchronized (idle) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
