package dev.parley.batch;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Group commit in isolation: a step whose batches the test completes by hand. */
class BatcherTest {

    final List<List<Integer>> batches = new ArrayList<>();
    final List<CompletableFuture<List<String>>> inFlight = new ArrayList<>();
    final Batcher<Integer, String> batcher = new Batcher<>(3, items -> {
        batches.add(items);
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        inFlight.add(result);
        return Uni.createFrom().completionStage(result);
    });

    UniAssertSubscriber<String> submit(int item) {
        return batcher.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    static List<String> answers(List<Integer> items) {
        return items.stream().map(item -> "r" + item).toList();
    }

    @Test
    void anIdleItemGoesAloneAndItemsArrivingMeanwhileGoTogetherUpToTheLimit() {
        UniAssertSubscriber<String> first = submit(1);
        List<UniAssertSubscriber<String>> waiting = List.of(submit(2), submit(3), submit(4), submit(5));
        assertEquals(List.of(List.of(1)), batches, "one batch in flight at a time");

        inFlight.get(0).complete(answers(batches.get(0)));
        first.assertItem("r1");
        assertEquals(List.of(2, 3, 4), batches.get(1), "the next batch takes what queued, up to the limit");

        inFlight.get(1).complete(answers(batches.get(1)));
        assertEquals(List.of(5), batches.get(2));
        inFlight.get(2).complete(answers(batches.get(2)));
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).assertItem("r" + (i + 2));
        }
    }

    @Test
    void aFailedBatchFailsItsCallersOnlyAndTheNextOneStillRuns() {
        UniAssertSubscriber<String> first = submit(1);
        UniAssertSubscriber<String> second = submit(2);
        inFlight.get(0).completeExceptionally(new IllegalStateException("database down"));
        first.assertFailedWith(IllegalStateException.class, "database down");

        inFlight.get(1).complete(answers(batches.get(1)));
        second.assertItem("r2");
        assertEquals(List.of(List.of(1), List.of(2)), batches);
    }
}
