package dev.parley.context;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs work that starts outside a request (a timer, a Redis callback) on a fresh
 * safe duplicated context, which Hibernate Reactive requires.
 */
public final class SafeContext {

    private SafeContext() {
    }

    public static void run(Vertx vertx, String what, Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(ok -> { },
                failure -> Log.warnf("%s failed: %s", what, failure.getMessage())));
    }
}
