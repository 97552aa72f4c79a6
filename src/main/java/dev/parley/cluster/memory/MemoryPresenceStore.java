package dev.parley.cluster.memory;

import dev.parley.cluster.PresenceSnapshot;
import dev.parley.cluster.PresenceStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link PresenceStore} of a single replica: its own users, and no other replica to hear of. */
@ApplicationScoped
@Typed(MemoryPresenceStore.class)
public class MemoryPresenceStore implements PresenceStore {

    private volatile Set<Long> users = ConcurrentHashMap.newKeySet();

    @Override
    public Uni<Void> add(long userId) {
        users.add(userId);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> remove(long userId) {
        users.remove(userId);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<PresenceSnapshot> heartbeat(long version, Set<Long> local) {
        Set<Long> replaced = ConcurrentHashMap.newKeySet();
        replaced.addAll(local);
        users = replaced;
        return Uni.createFrom().item(PresenceSnapshot.EMPTY);
    }

    @Override
    public Uni<Void> forget(String replicaId) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<Long>> onlineUsers() {
        return Uni.createFrom().item(List.copyOf(new TreeSet<>(users)));
    }

    @Override
    public Uni<Void> leave() {
        users = ConcurrentHashMap.newKeySet();
        return Uni.createFrom().voidItem();
    }
}
