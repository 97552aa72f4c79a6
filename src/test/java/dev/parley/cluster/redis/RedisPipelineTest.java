package dev.parley.cluster.redis;

import dev.parley.support.OwnRedis;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Against a redis-server of its own: every reply resumes on its caller's context, also for
 * callers that waited for the connection to open. A caller resumed on another's
 * context would share that one's Hibernate Reactive session (a cold replica whose
 * first room joins all published at once failed them with "Illegal pop()").
 */
class RedisPipelineTest {

    @Test
    void callersWaitingForTheConnectionResumeOnTheirOwnContext() {
        Vertx vertx = Vertx.vertx();
        try (OwnRedis redis = OwnRedis.launch()) {
            resumeOnTheirOwnContext(vertx, redis.url());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void resumeOnTheirOwnContext(Vertx vertx, String redisHosts) {
        // A client of its own, so the pipeline really has to open a connection.
        Redis client = Redis.createClient(io.vertx.mutiny.core.Vertx.newInstance(vertx),
                new RedisOptions().setConnectionString(redisHosts));
        RedisPipeline pipeline = new RedisPipeline(client);
        Context eventLoop = vertx.getOrCreateContext();
        List<Context> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(VertxContext.createNewDuplicatedContext(eventLoop)); // connections share event loops
        }
        Map<Integer, Context> resumedOn = new ConcurrentHashMap<>();
        Map<Integer, String> replies = new ConcurrentHashMap<>();
        for (int i = 0; i < callers.size(); i++) {
            int caller = i;
            callers.get(i).runOnContext(ignored -> pipeline.send(Request.cmd(Command.ECHO).arg("c" + caller))
                    .subscribe().with(reply -> {
                        replies.put(caller, reply.toString());
                        resumedOn.put(caller, Vertx.currentContext());
                    }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> resumedOn.size() == callers.size());
        pipeline.stop();
        client.close();
        for (int i = 0; i < callers.size(); i++) {
            assertEquals("c" + i, replies.get(i));
            assertSame(callers.get(i), resumedOn.get(i), "caller " + i + " resumed on its own context");
        }
    }
}
