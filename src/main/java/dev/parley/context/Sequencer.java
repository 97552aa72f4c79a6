package dev.parley.context;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs asynchronous steps one after another per key, for work that different
 * connections (so different event loops) start for the same key. A step resumes
 * on the Vert.x context it was submitted from.
 */
public final class Sequencer<K> {

    private final ConcurrentHashMap<K, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public <T> Uni<T> run(K key, Supplier<Uni<T>> step) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(key, mine);
        Uni<Void> start = previous == null || previous.isDone()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().completionStage(previous).emitOn(CallerContext.current());
        return start.chain(step::get)
                .onTermination().invoke(() -> {
                    mine.complete(null);
                    tails.remove(key, mine);
                });
    }
}
