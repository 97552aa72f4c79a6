package dev.parley.cluster.memory;

import dev.parley.cluster.ConnectionRegistry;
import dev.parley.cluster.Replica;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ConnectionRegistry} of a single replica: each user's connections in the order they opened. */
@ApplicationScoped
@Typed(MemoryConnectionRegistry.class)
public class MemoryConnectionRegistry implements ConnectionRegistry {

    private final ConcurrentHashMap<Long, LinkedHashSet<String>> connections = new ConcurrentHashMap<>();
    private final String replicaId;

    public MemoryConnectionRegistry(Replica replica) {
        this.replicaId = replica.id();
    }

    @Override
    public Uni<List<String>> register(long userId, String connectionId, int cap) {
        List<String> excess = new ArrayList<>();
        connections.compute(userId, (id, open) -> {
            LinkedHashSet<String> all = open == null ? new LinkedHashSet<>() : open;
            all.add(connectionId);
            var oldest = all.iterator();
            while (all.size() - excess.size() > cap && oldest.hasNext()) {
                excess.add(replicaId + "/" + oldest.next());
            }
            excess.forEach(entry -> all.remove(entry.substring(replicaId.length() + 1)));
            return all;
        });
        return Uni.createFrom().item(excess);
    }

    @Override
    public Uni<Void> unregister(long userId, String connectionId) {
        connections.computeIfPresent(userId, (id, open) -> {
            open.remove(connectionId);
            return open.isEmpty() ? null : open;
        });
        return Uni.createFrom().voidItem();
    }
}
