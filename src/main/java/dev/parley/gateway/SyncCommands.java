package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.Recovery;
import dev.parley.chat.Replay;
import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import dev.parley.error.ChatException;
import dev.parley.events.ChatEvents;
import dev.parley.protocol.ServerFrame;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sync}: a reconnecting client says the last seq it saw per chat and gets,
 * per chat, what it missed (messages, edits, deletes) in order and a
 * {@code synced} frame, before any live frame that arrived meanwhile; live frames
 * the replay already covered are not sent twice.
 */
@ApplicationScoped
public class SyncCommands {

    private final Recovery recovery;
    private final ChatEvents events;
    private final Node node;

    SyncCommands(Recovery recovery, ChatEvents events, Node node) {
        this.recovery = recovery;
        this.events = events;
        this.node = node;
    }

    Uni<ServerFrame> sync(Caller caller, Map<Long, Long> lastSeen, Session session) {
        Map<Long, Long> replayed = new ConcurrentHashMap<>();
        session.hold();
        return Multi.createFrom().iterable(lastSeen.entrySet())
                .onItem().transformToUniAndConcatenate(chat -> recovery.since(caller, chat.getKey(), chat.getValue())
                        .chain(replay -> send(session, replay).invoke(() -> replayed.put(chat.getKey(), upTo(replay))))
                        .onFailure(ChatException.class).recoverWithUni(refusal -> session.write(
                                new ServerFrame.Error(((ChatException) refusal).code(), refusal.getMessage(), Instant.now()))))
                .collect().last()
                .onTermination().invoke(() -> node.endReplay(session, replayed))
                .replaceWith((ServerFrame) null);
    }

    private Uni<Void> send(Session session, Replay replay) {
        return Multi.createFrom().iterable(events.replayFrames(replay))
                .onItem().transformToUniAndConcatenate(session::write)
                .collect().last()
                .replaceWithVoid();
    }

    /** Live new messages up to this seq were in the replay; none when it did not recover (all are sent). */
    private static long upTo(Replay replay) {
        if (!replay.recovered()) {
            return 0;
        }
        long lastAdded = replay.added().isEmpty() ? 0 : replay.added().getLast().message().getSeq();
        return Math.max(lastAdded, replay.lastSeq());
    }
}
