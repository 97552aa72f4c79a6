package dev.parley.delivery;

import dev.parley.metrics.ChatMetrics;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only way an event reaches another connection: published on a user's
 * channel (or a room's), received by whichever replicas hold connections for it,
 * written there.
 */
@ApplicationScoped
public class Delivery {

    private final Broker broker;
    private final OutboundQueue outbound;
    private final ChatMetrics metrics;
    private final FrameCodec codec;
    private final LocalSessions sessions;
    private final String userPrefix;
    private final String roomPrefix;
    private volatile ReceiptListener onReceiptWritten = (userId, chatId, receipt) -> { };

    /** Hears that a message whose sender wants receipts reached a connection of a recipient. */
    @FunctionalInterface
    public interface ReceiptListener {
        void written(long recipientId, long chatId, Receipt receipt);
    }

    Delivery(Broker broker, OutboundQueue outbound, FrameCodec codec, LocalSessions sessions,
             DeliveryConfig config, ChatMetrics metrics) {
        this.metrics = metrics;
        this.broker = broker;
        this.outbound = outbound;
        this.codec = codec;
        this.sessions = sessions;
        this.userPrefix = config.keyPrefix() + ":user:";
        this.roomPrefix = config.keyPrefix() + ":room:";
    }

    void start(@Observes StartupEvent event) {
        broker.onPublication(this::received);
    }

    public void onReceiptWritten(ReceiptListener listener) {
        this.onReceiptWritten = listener;
    }

    /**
     * Sends {@code frame} to every connection of {@code userIds}. Never fails: with
     * the broker unreachable the event is logged and dropped, and clients recover
     * it from history.
     */
    public Uni<Void> toUsers(Collection<Long> userIds, ServerFrame frame, Route route) {
        String payload = payload(frame, route);
        Uni<Void> publish = route.seq() != null
                ? broker.publishInOrder(route.orderKey(), route.seq(), payload, userIds.stream().map(this::userChannel).toList())
                : Multi.createFrom().iterable(userIds)
                        .onItem().transformToUniAndMerge(userId -> broker.publish(userChannel(userId), payload))
                        .collect().last()
                        .replaceWithVoid();
        return metrics.timePublish(publish).onFailure().recoverWithItem(failure -> dropped(frame, failure));
    }

    /** Sends {@code frame} to every connection that joined the room: one publish, whatever its size. */
    public Uni<Void> toRoom(long chatId, ServerFrame frame, Route route) {
        String payload = payload(frame, route);
        Uni<Void> publish = route.seq() != null
                ? broker.publishInOrder(route.orderKey(), route.seq(), payload, List.of(roomChannel(chatId)))
                : broker.publish(roomChannel(chatId), payload);
        return metrics.timePublish(publish).onFailure().recoverWithItem(failure -> dropped(frame, failure));
    }

    public String userChannel(long userId) {
        return userPrefix + userId;
    }

    public String roomChannel(long chatId) {
        return roomPrefix + chatId;
    }

    /**
     * Ends a replay on this connection: writes the live frames that arrived
     * meanwhile, in order, except new messages the replay already contained
     * ({@code replayed}: chat id to the last seq replayed).
     */
    public void release(WebSocketConnection connection, Map<Long, Long> replayed) {
        HeldFrames held = ConnectionState.unhold(connection);
        if (held != null) {
            held.release(envelope -> {
                Long upTo = envelope.chatId() == null ? null : replayed.get(envelope.chatId());
                if (upTo == null || envelope.seq() == null || envelope.seq() > upTo) {
                    send(connection, envelope);
                }
            });
        }
    }

    private String payload(ServerFrame frame, Route route) {
        String skip = route.skipConnectionId() == null ? "" : route.skipConnectionId();
        return new Envelope(skip, route.chatId(), route.receipt(), route.seq(), isDroppable(frame),
                System.currentTimeMillis(), codec.encode(frame)).encode();
    }

    /** What a slow connection loses first: nothing it cannot do without. */
    private static boolean isDroppable(ServerFrame frame) {
        return frame instanceof ServerFrame.Typing || frame instanceof ServerFrame.UserStatus
                || frame instanceof ServerFrame.UserOffline;
    }

    private static Void dropped(ServerFrame frame, Throwable failure) {
        Log.warnf("Could not publish a %s frame: %s", frame.getClass().getSimpleName(), failure.getMessage());
        return null;
    }

    private void received(String channel, String payload) {
        Set<WebSocketConnection> targets;
        if (channel.startsWith(userPrefix)) {
            targets = sessions.connectionsOf(Long.parseLong(channel.substring(userPrefix.length())));
        } else if (channel.startsWith(roomPrefix)) {
            targets = sessions.connectionsInRoom(Long.parseLong(channel.substring(roomPrefix.length())));
        } else {
            return;
        }
        Envelope envelope = Envelope.decode(payload);
        metrics.fanOutLag(System.currentTimeMillis() - envelope.sentAt());
        for (WebSocketConnection connection : targets) {
            if (!connection.id().equals(envelope.skipConnectionId())) {
                write(connection, envelope);
            }
        }
    }

    private void write(WebSocketConnection connection, Envelope envelope) {
        if (envelope.chatId() != null && ConnectionState.isMuted(connection, envelope.chatId())) {
            return;
        }
        HeldFrames held = ConnectionState.held(connection);
        if (held == null || !held.offer(envelope)) {
            send(connection, envelope);
        }
    }

    private void send(WebSocketConnection connection, Envelope envelope) {
        if (!outbound.admit(connection, envelope.droppable())) {
            return;
        }
        connection.sendText(envelope.frame())
                .onTermination().invoke(() -> outbound.written(connection))
                .subscribe().with(
                ok -> {
                    Receipt receipt = envelope.receipt();
                    long userId = ConnectionState.userId(connection);
                    if (receipt != null && receipt.senderId() != userId && envelope.chatId() != null) {
                        onReceiptWritten.written(userId, envelope.chatId(), receipt);
                    }
                },
                failure -> Log.debugf("Write to %s failed: %s", connection.id(), failure.getMessage()));
    }
}
