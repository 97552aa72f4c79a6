package dev.parley.cluster;

import dev.parley.context.SafeContext;
import dev.parley.metrics.ChatMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This replica in the cluster (centrifuge's {@code Node}): it owns the local
 * sessions, keeps the broker subscriptions to their users and rooms in line with
 * them ({@link Subscriptions}), applies what the broker delivers to them, and
 * writes each session's life ({@link Session.State}).
 */
@ApplicationScoped
public class Node {

    private final LocalSessions sessions = new LocalSessions();
    private final Broker broker;
    private final Channels channels;
    private final Outbound outbound;
    private final ClusterPresence presence;
    private final Closer closer;
    private final Vertx vertx;
    private final ChatMetrics metrics;
    private final ConnectionCap connectionCap;

    private final Subscriptions subscriptions;

    Node(Broker broker, Channels channels, Outbound outbound, ClusterPresence presence, Closer closer, Vertx vertx,
         ChatMetrics metrics, ConnectionCap connectionCap, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.connectionCap = connectionCap;
        this.metrics = metrics;
        this.broker = broker;
        this.channels = channels;
        this.outbound = outbound;
        this.presence = presence;
        this.closer = closer;
        this.vertx = vertx;
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        broker.start(this::received);
        presence.start(sessions);
    }

    /**
     * Routes the user's events here and records them present, then makes sure
     * this replica has seen every presence change published before: after this,
     * {@code connected} can be sent and nothing sent to the user can miss it.
     * Live frames wait until {@link #live}.
     */
    public Uni<Void> open(Session session) {
        metrics.opened();
        sessions.add(session);
        return syncUser(session.userId()).chain(broker::barrier).chain(() -> cap(session));
    }

    /** Closes the user's connections here that the cap condemned (all beyond it, oldest first, without the registry). */
    private Uni<Void> cap(Session session) {
        return connectionCap.admit(session).chain(here -> {
            List<Session> mine = sessions.sessionsOf(session.userId()).stream()
                    .sorted(java.util.Comparator.comparingLong(Session::openedAt)).toList();
            List<Session> closing = here != null
                    ? mine.stream().filter(open -> here.contains(open.id())).toList()
                    : mine.subList(0, Math.max(0, mine.size() - connectionCap.cap()));
            return closing.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(closing.stream().map(oldest -> close(oldest, ConnectionCap.TOO_MANY)).toList())
                            .andCollectFailures().replaceWithVoid();
        });
    }

    /** {@code connected} went out: frames held meanwhile follow (see {@link Outbound#release}), new ones go straight. */
    public void live(Session session, Map<Long, Long> covered) {
        if (session.advance(Session.State.LIVE)) {
            outbound.release(session, covered);
        }
    }

    /** Ends a {@code sync} replay: see {@link Outbound#release}. */
    public void endReplay(Session session, Map<Long, Long> replayed) {
        outbound.release(session, replayed);
    }

    /** This replica's users now. */
    public Set<Long> localUsers() {
        return sessions.userIds();
    }

    /** Whether the user has a live session on this replica. */
    public boolean isLocal(long userId) {
        return sessions.has(userId);
    }

    /** The local sessions of a user. */
    public Set<Session> sessionsOf(long userId) {
        return sessions.sessionsOf(userId);
    }

    public Uni<Void> joinRoom(Session session, long chatId) {
        if (!session.rooms().add(chatId)) {
            return Uni.createFrom().voidItem();
        }
        sessions.joinRoom(chatId, session);
        return syncRoom(chatId);
    }

    public Uni<Void> leaveRoom(Session session, long chatId) {
        if (!session.rooms().remove(chatId)) {
            return Uni.createFrom().voidItem();
        }
        sessions.leaveRoom(chatId, session);
        return syncRoom(chatId);
    }

    /**
     * Closes the connection with {@code reason} and releases it at once, without
     * waiting for the peer: a dead peer, a slow consumer or a deleted user must not
     * keep presence or memory while the close handshake waits.
     */
    public Uni<Void> close(Session session, CloseReason reason) {
        if (!session.advance(Session.State.CLOSING)) {
            return Uni.createFrom().voidItem();
        }
        closer.close(session, reason);
        return release(session);
    }

    /**
     * Releases what the session held: its rooms, its user's routing and presence,
     * its held frames. Runs once, whichever close path gets here first.
     */
    public Uni<Void> release(Session session) {
        if (!session.advance(Session.State.RELEASED)) {
            return Uni.createFrom().voidItem();
        }
        metrics.closed();
        Log.infof("User %d disconnected (connection %s)", session.userId(), session.id());
        session.unhold();
        sessions.remove(session);
        List<Long> rooms = List.copyOf(session.rooms());
        rooms.forEach(chatId -> sessions.leaveRoom(chatId, session));
        return Multi.createFrom().iterable(rooms)
                .onItem().transformToUniAndConcatenate(this::syncRoom)
                .collect().last()
                .chain(() -> syncUser(session.userId()))
                .chain(() -> connectionCap.release(session));
    }

    private void received(String channel, String payload) {
        Long userId = channels.userOf(channel);
        Long roomId = userId == null ? channels.roomOf(channel) : null;
        if (userId == null && roomId == null) {
            presence.received(channel, payload);
            return;
        }
        Set<Session> targets = userId != null ? sessions.sessionsOf(userId) : sessions.sessionsInRoom(roomId);
        if (targets.isEmpty()) {
            return;
        }
        switch (Publication.decode(payload)) {
            case Envelope envelope -> {
                metrics.fanOutLag(System.currentTimeMillis() - envelope.sentAt());
                fanOut(targets, envelope);
            }
            case Disconnect disconnect -> disconnect(targets, disconnect);
        }
    }

    void disconnectHere(long userId, Disconnect disconnect) {
        disconnect(sessions.sessionsOf(userId), disconnect);
    }

    private void disconnect(Set<Session> targets, Disconnect disconnect) {
        targets.stream().filter(session -> disconnect.concerns(session.id()))
                .forEach(session -> closeLater(session, new CloseReason(disconnect.code(), disconnect.reason())));
    }

    void deliverHere(Iterable<Long> userIds, Envelope envelope) {
        for (Long userId : userIds) {
            fanOut(sessions.sessionsOf(userId), envelope);
        }
    }

    private void fanOut(Set<Session> targets, Envelope envelope) {
        for (Session session : targets) {
            if (!session.id().equals(envelope.skipConnectionId())
                    && outbound.offer(session, envelope) == Outbound.Verdict.OVERFLOW) {
                closeLater(session, Closer.SLOW);
            }
        }
    }

    private void closeLater(Session session, CloseReason reason) {
        SafeContext.run(vertx, "Closing connection " + session.id(), () -> close(session, reason));
    }

    private Uni<Void> syncUser(long userId) {
        return subscriptions.user(userId, () -> sessions.has(userId));
    }

    private Uni<Void> syncRoom(long chatId) {
        return subscriptions.room(chatId, () -> sessions.hasRoom(chatId));
    }
}
