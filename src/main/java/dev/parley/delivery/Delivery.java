package dev.parley.delivery;

import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collection;

/**
 * The only way an event reaches another user: published on that user's channel,
 * received by whichever replicas hold the user's connections, written there.
 */
@ApplicationScoped
public class Delivery {

    private final Broker broker;
    private final FrameCodec codec;
    private final LocalSessions sessions;
    private final OpenConnections connections;
    private final String channelPrefix;

    Delivery(Broker broker, FrameCodec codec, LocalSessions sessions, OpenConnections connections,
             DeliveryConfig config) {
        this.broker = broker;
        this.codec = codec;
        this.sessions = sessions;
        this.connections = connections;
        this.channelPrefix = config.keyPrefix() + ":user:";
    }

    void start(@Observes StartupEvent event) {
        broker.onPublication(this::received);
    }

    /**
     * Sends {@code frame} to every connection of {@code userIds} except
     * {@code skipConnectionId}. Never fails: with the broker unreachable the
     * event is logged and dropped, and clients recover it from history.
     */
    public Uni<Void> toUsers(Collection<Long> userIds, ServerFrame frame, String skipConnectionId) {
        String payload = new Envelope(skipConnectionId == null ? "" : skipConnectionId, codec.encode(frame)).encode();
        return Multi.createFrom().iterable(userIds)
                .onItem().transformToUniAndMerge(userId -> broker.publish(userChannel(userId), payload))
                .collect().last()
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Could not publish a %s frame: %s", frame.getClass().getSimpleName(), failure.getMessage());
                    return null;
                });
    }

    public String userChannel(long userId) {
        return channelPrefix + userId;
    }

    private void received(String channel, String payload) {
        if (!channel.startsWith(channelPrefix)) {
            return;
        }
        long userId = Long.parseLong(channel.substring(channelPrefix.length()));
        Envelope envelope = Envelope.decode(payload);
        for (String connectionId : sessions.connectionsOf(userId)) {
            if (!connectionId.equals(envelope.skipConnectionId())) {
                connections.findByConnectionId(connectionId).ifPresent(connection -> connection
                        .sendText(envelope.frame())
                        .subscribe().with(ok -> { }, failure -> Log.debugf("Write to %s failed: %s",
                                connectionId, failure.getMessage())));
            }
        }
    }
}
