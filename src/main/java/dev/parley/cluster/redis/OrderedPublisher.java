package dev.parley.cluster.redis;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import java.util.List;

/**
 * Publishes a conversation's messages in {@code seq} order, whichever replica
 * commits them. Replicas publish after their commit, so two replicas may reach
 * Redis in the wrong order; this script makes Redis the ordering point: a message
 * whose predecessor has not been published yet waits in a sorted set and goes out
 * right after it. Commit order equals seq order (the conversation row lock), so a
 * predecessor that has not arrived within {@code parley.redis.order-gap-timeout}
 * belongs to a replica that died between commit and publish, or one too slow to
 * publish in time: the waiting messages are then flushed; a missing one that
 * turns up later is published late, after its successors, and one that never
 * does reaches clients through {@code sync}.
 * A conversation without order state (new, idle for a week, or after a Redis
 * restart) starts from 0: its first message waits for seq 1, which a new
 * conversation sends, and an old one is released by that same flush, one
 * {@code order-gap-timeout} late.
 */
final class OrderedPublisher {

    private static final String PUBLISH_ENTRY = """
            local function publish_entry(entry)
              local a = string.find(entry, '\\n', 1, true)
              local b = string.find(entry, '\\n', a + 1, true)
              local payload = string.sub(entry, b + 1)
              for channel in string.gmatch(string.sub(entry, a + 1, b - 1), '[^ ]+') do
                redis.call('PUBLISH', channel, payload)
              end
            end
            """;

    /**
     * KEYS: last published seq, pending set, seqs a flush skipped. ARGV: seq,
     * entry. 1 = published, 2 = something waits, 3 = published late (a flush had
     * given up on it), 0 = duplicate. The usual case, the next seq with nothing
     * waiting, publishes straight away without touching the sets.
     */
    private static final RedisScript PUBLISH = RedisScript.of(PUBLISH_ENTRY + """
            local seq = tonumber(ARGV[1])
            local last = tonumber(redis.call('GET', KEYS[1]) or '0')
            if seq <= last then
              if redis.call('SREM', KEYS[3], seq) == 1 then
                publish_entry(ARGV[2])
                return 3
              end
              return 0
            end
            if seq > last + 1 then
              redis.call('ZADD', KEYS[2], seq, ARGV[2])
              redis.call('EXPIRE', KEYS[2], 604800)
              return 2
            end
            publish_entry(ARGV[2])
            last = seq
            local waiting = redis.call('ZCARD', KEYS[2])
            while waiting > 0 do
              local due = redis.call('ZRANGEBYSCORE', KEYS[2], last + 1, last + 1)
              if #due == 0 then break end
              publish_entry(due[1])
              redis.call('ZREMRANGEBYSCORE', KEYS[2], last + 1, last + 1)
              last = last + 1
              waiting = waiting - 1
            end
            redis.call('SET', KEYS[1], last, 'EX', 604800)
            if waiting > 0 then return 2 end
            return 1
            """);

    /**
     * Publishes whatever still waits, in order, skipping the gaps, and remembers
     * the skipped seqs: one that turns up later (its replica was only slow) is
     * then published late rather than never.
     */
    private static final RedisScript FLUSH = RedisScript.of(PUBLISH_ENTRY + """
            local entries = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
            if #entries == 0 then return 0 end
            local last = tonumber(redis.call('GET', KEYS[1]) or '0')
            for i = 1, #entries, 2 do
              local seq = tonumber(entries[i + 1])
              -- Without order state (last 0) the older seqs went out long ago.
              if last > 0 and seq - last <= 1000 then
                for missing = last + 1, seq - 1 do
                  redis.call('SADD', KEYS[3], missing)
                end
              end
              publish_entry(entries[i])
              last = math.max(last, seq)
            end
            redis.call('EXPIRE', KEYS[3], 604800)
            redis.call('DEL', KEYS[2])
            redis.call('SET', KEYS[1], last, 'EX', 604800)
            return #entries / 2
            """);

    private final RedisPipeline redis;
    private final Vertx vertx;
    private final RedisConfig config;

    OrderedPublisher(RedisPipeline redis, Vertx vertx, RedisConfig config) {
        this.redis = redis;
        this.vertx = vertx;
        this.config = config;
    }

    Uni<Void> publish(String orderKey, long seq, String payload, List<String> channels) {
        String entry = seq + "\n" + String.join(" ", channels) + "\n" + payload;
        return eval(PUBLISH, orderKey, List.of(String.valueOf(seq), entry)).invoke(result -> {
            if (result == 2) {
                vertx.setTimer(config.orderGapTimeout().toMillis(), id -> flush(orderKey));
            } else if (result == 3) {
                Log.warnf("Order %s: seq %d reached Redis after the gap timeout; published after its successors",
                        orderKey, seq);
            }
        }).replaceWithVoid();
    }

    private void flush(String orderKey) {
        eval(FLUSH, orderKey, List.of()).subscribe().with(
                flushed -> {
                    if (flushed > 0) {
                        Log.warnf("Order %s: a message had not reached Redis in time; published %d after it anyway",
                                orderKey, flushed);
                    }
                },
                failure -> Log.warnf("Order %s: flushing waiting messages failed: %s", orderKey, failure.getMessage()));
    }

    private Uni<Long> eval(RedisScript script, String orderKey, List<String> args) {
        // The hash tag keeps both keys of an order in one Redis Cluster slot.
        String prefix = config.keyPrefix() + ":order:{" + orderKey + "}:";
        return redis.eval(script, List.of(prefix + "last", prefix + "pending", prefix + "skipped"), args)
                .map(response -> response.toLong());
    }
}
