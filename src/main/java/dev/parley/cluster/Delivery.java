package dev.parley.cluster;

import dev.parley.metrics.ChatMetrics;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * The only way an event reaches another connection: published on a user's
 * channel (or a room's), received by whichever replicas hold connections for it
 * ({@link Node}), written there.
 */
@ApplicationScoped
public class Delivery {

    private final Broker broker;
    private final ChatMetrics metrics;
    private final FrameCodec codec;
    private final Channels channels;
    private final Node node;

    Delivery(Broker broker, FrameCodec codec, Channels channels, Node node, ChatMetrics metrics) {
        this.node = node;
        this.broker = broker;
        this.codec = codec;
        this.channels = channels;
        this.metrics = metrics;
    }

    /**
     * Sends {@code frame} to every connection of {@code userIds}. Never fails: with
     * the broker unreachable the event is logged and dropped, and clients recover
     * it from history.
     */
    public Uni<Void> toUsers(Collection<Long> userIds, ServerFrame frame, Route route) {
        String payload = payload(frame, route);
        Uni<Void> publish = route.seq() != null
                ? broker.publishInOrder(route.orderKey(), route.seq(), payload, userIds.stream().map(channels::user).toList())
                : Multi.createFrom().iterable(userIds)
                        .onItem().transformToUniAndMerge(userId -> broker.publish(channels.user(userId), payload))
                        .collect().last()
                        .replaceWithVoid();
        return metrics.timePublish(publish).onFailure().recoverWithItem(failure -> dropped(frame, failure));
    }

    /** Sends {@code frame} to every connection that joined the room: one publish, whatever its size. */
    public Uni<Void> toRoom(long chatId, ServerFrame frame, Route route) {
        String payload = payload(frame, route);
        Uni<Void> publish = route.seq() != null
                ? broker.publishInOrder(route.orderKey(), route.seq(), payload, List.of(channels.room(chatId)))
                : broker.publish(channels.room(chatId), payload);
        return metrics.timePublish(publish).onFailure().recoverWithItem(failure -> dropped(frame, failure));
    }

    /** Writes {@code frame} to the connections of {@code userIds} on this replica only. */
    public Uni<Void> toUsersHere(Collection<Long> userIds, ServerFrame frame) {
        node.deliverHere(userIds, new Envelope("", null, null, null, isDroppable(frame), System.currentTimeMillis(),
                codec.encode(frame)));
        return Uni.createFrom().voidItem();
    }

    /**
     * Closes the user's connections on every replica with {@code reason}: all of
     * them, or only {@code connectionId}. Those here are closed even when the
     * broker is unreachable; then this fails.
     */
    public Uni<Void> disconnect(long userId, CloseReason reason, String connectionId) {
        Disconnect disconnect = new Disconnect(reason.getCode(), reason.getMessage(), connectionId);
        node.disconnectHere(userId, disconnect); // without waiting for the broker, which may be down
        return broker.publish(channels.user(userId), disconnect.encode());
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
}
