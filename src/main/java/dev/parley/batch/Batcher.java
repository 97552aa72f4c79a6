package dev.parley.batch;

import dev.parley.context.CallerContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Group commit: items submitted while a batch is in flight go together in the
 * next one, so under load one database round trip serves many callers and when
 * idle an item goes at once. One batch is in flight at a time. Each caller is
 * completed on the Vert.x context it submitted from, so it can go on using its
 * Hibernate session there.
 */
public final class Batcher<T, R> {

    private final int maxBatch;
    private final Function<List<T>, Uni<List<R>>> step;
    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code step} answers a batch with one result per item, in the items' order. */
    public Batcher(int maxBatch, Function<List<T>, Uni<List<R>>> step) {
        this.maxBatch = maxBatch;
        this.step = step;
    }

    public Uni<R> submit(T item) {
        return Uni.createFrom().deferred(() -> Uni.createFrom().<R>emitter(emitter -> {
            queue.add(new Pending<>(item, emitter));
            drain();
        }).emitOn(CallerContext.current()));
    }

    private void drain() {
        if (queue.isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> pending = queue.poll(); pending != null; pending = batch.size() < maxBatch ? queue.poll() : null) {
            batch.add(pending);
        }
        if (batch.isEmpty()) {
            running.set(false);
            drain(); // an item may have arrived after the emptiness check
            return;
        }
        Uni.createFrom().deferred(() -> step.apply(batch.stream().map(Pending::item).toList()))
                .subscribe().with(results -> finish(() -> {
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).emitter().complete(results.get(i));
                    }
                }), failure -> finish(() -> batch.forEach(pending -> pending.emitter().fail(failure))));
    }

    private void finish(Runnable completions) {
        running.set(false);
        try {
            completions.run();
        } finally {
            drain();
        }
    }

    private record Pending<T, R>(T item, UniEmitter<? super R> emitter) {
    }
}
