package dev.parley.context;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;

/**
 * Hands work back to the Vert.x context a caller was on. A caller's duplicated
 * context carries its Hibernate Reactive session: a continuation that runs on
 * another caller's context would share that one's session ("Illegal pop()"),
 * which is what waiting on a shared future or connection otherwise does.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** The current context as an executor; see {@link #of}. */
    public static Executor current() {
        return of(Vertx.currentContext());
    }

    /**
     * Runs a task on {@code context}: at once when already there, else as a task
     * of that context. Without a context (a plain thread) it runs at once.
     */
    public static Executor of(Context context) {
        if (context == null) {
            return Runnable::run;
        }
        return task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
    }
}
