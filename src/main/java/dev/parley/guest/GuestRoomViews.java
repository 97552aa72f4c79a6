package dev.parley.guest;

import dev.parley.chat.ChatConfig;
import dev.parley.chat.Conversation;
import dev.parley.chat.History;
import dev.parley.chat.Rooms;
import dev.parley.cluster.PresenceStore;
import dev.parley.cluster.RoomNames;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The room API in seed 002's shapes, for a request without a token (seed 002's
 * clients have none) while guest rooms are on; without them such a request is
 * refused with 401, as before. Users are plain names, messages flat, and an
 * unknown room is empty, as the seed answers.
 */
@ApplicationScoped
public class GuestRoomViews {

    @RegisterForReflection
    public record RoomUsers(String room, List<String> users) {
    }

    @RegisterForReflection
    public record RoomMessages(String room, List<SeedFrames.Message> messages) {
    }

    private final GuestConfig guests;
    private final Rooms rooms;
    private final RoomNames names;
    private final PresenceStore presence;
    private final History history;
    private final ChatConfig config;

    GuestRoomViews(GuestConfig guests, Rooms rooms, RoomNames names, PresenceStore presence, History history,
                   ChatConfig config) {
        this.guests = guests;
        this.rooms = rooms;
        this.names = names;
        this.presence = presence;
        this.history = history;
        this.config = config;
    }

    /** Refuses a request without a token unless guest rooms are on (the 401 {@code @Authenticated} gives). */
    public void requireEnabled() {
        if (!guests.enabled()) {
            throw new UnauthorizedException();
        }
    }

    /** Who is in the room now: the guests connected to it and its members with an account who are online. */
    public Uni<RoomUsers> users(String name) {
        requireEnabled();
        return room(name).chain(room -> room == null ? Uni.createFrom().item(List.<String>of())
                : names.names(room.getId()).chain(present -> rooms.members(room.getId())
                        .chain(members -> presence.onlineUsers().map(HashSet::new).map(online -> {
                            TreeSet<String> all = new TreeSet<>(present);
                            members.stream().filter(user -> user.getId() > 0 && online.contains(user.getId()))
                                    .forEach(user -> all.add(user.getUsername()));
                            return List.copyOf(all);
                        }))))
                .map(users -> new RoomUsers(name, users));
    }

    /** The room's latest {@code limit} messages (seed 002's default 50), oldest first, without deleted ones. */
    public Uni<RoomMessages> messages(String name, Integer limit) {
        requireEnabled();
        int size = limit == null ? 50 : limit;
        if (size < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "limit must be at least 1");
        }
        return room(name).chain(room -> room == null ? Uni.createFrom().item(List.<SeedFrames.Message>of())
                        : history.latestWithSenders(room.getId(), Math.min(size, config.historyMaxLimit()))
                                .map(found -> found.stream().filter(stored -> !stored.message().isDeleted())
                                        .map(GuestWire::seedMessage).filter(Objects::nonNull).toList()))
                .map(messages -> new RoomMessages(name, messages));
    }

    private Uni<Conversation> room(String name) {
        return rooms.byName(name).onFailure(ChatException.class).recoverWithNull();
    }
}
