package dev.parley.cluster.memory;

import dev.parley.cluster.RoomNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link RoomNames} of a single replica: each room's names and the connection holding each. */
@ApplicationScoped
@Typed(MemoryRoomNames.class)
public class MemoryRoomNames implements RoomNames {

    private final ConcurrentHashMap<Long, Map<String, String>> rooms = new ConcurrentHashMap<>();

    @Override
    public Uni<Boolean> claim(long chatId, String name, String connectionId) {
        boolean[] claimed = new boolean[1];
        rooms.compute(chatId, (id, names) -> {
            Map<String, String> held = names == null ? new ConcurrentHashMap<>() : names;
            claimed[0] = held.putIfAbsent(name, connectionId) == null;
            return held;
        });
        return Uni.createFrom().item(claimed[0]);
    }

    @Override
    public Uni<Void> release(long chatId, String name, String connectionId) {
        rooms.computeIfPresent(chatId, (id, names) -> {
            names.remove(name, connectionId);
            return names.isEmpty() ? null : names;
        });
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<String>> names(long chatId) {
        return Uni.createFrom().item(rooms.getOrDefault(chatId, Map.of()).keySet().stream().sorted().toList());
    }
}
