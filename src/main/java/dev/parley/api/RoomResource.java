package dev.parley.api;

import dev.parley.chat.ChatConfig;
import dev.parley.chat.History;
import dev.parley.chat.MessageView;
import dev.parley.chat.Rooms;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.cluster.PresenceStore;
import dev.parley.guest.GuestRoomViews;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.HashSet;
import java.util.List;

/**
 * Seed 002's room API: public rooms, their members and their latest messages.
 * With a token, Parley's shapes (members with ids and whether they are online,
 * messages as {@code MessageView}); without one, seed 002's own shapes
 * ({@link GuestRoomViews}) when guest rooms are on, else 401.
 */
@Path("/api/rooms")
public class RoomResource {

    @RegisterForReflection
    public record RoomList(List<String> rooms) {
    }

    @RegisterForReflection
    public record RoomUser(long userId, String username, boolean online) {
    }

    @RegisterForReflection
    public record RoomUsers(String room, List<RoomUser> users) {
    }

    @RegisterForReflection
    public record RoomMessages(String room, List<MessageView> messages) {
    }

    private final Rooms rooms;
    private final History history;
    private final PresenceStore presence;
    private final ChatConfig config;
    private final SecurityIdentity identity;
    private final GuestRoomViews guests;

    RoomResource(Rooms rooms, History history, PresenceStore presence, ChatConfig config, SecurityIdentity identity,
                 GuestRoomViews guests) {
        this.identity = identity;
        this.guests = guests;
        this.rooms = rooms;
        this.history = history;
        this.presence = presence;
        this.config = config;
    }

    @GET
    public Uni<RoomList> list() {
        if (identity.isAnonymous()) {
            guests.requireEnabled(); // the same shape either way
        }
        return rooms.names().map(RoomList::new);
    }

    /** The room's members, each with whether they are online now. */
    @GET
    @Path("/{room}/users")
    public Uni<?> users(@PathParam("room") String name) {
        if (identity.isAnonymous()) {
            return guests.users(name);
        }
        return rooms.byName(name).chain(room -> rooms.members(room.getId())
                .chain(members -> presence.onlineUsers().map(HashSet::new).map(online -> new RoomUsers(name,
                        members.stream().map(user -> new RoomUser(user.getId(), user.getUsername(),
                                online.contains(user.getId()))).toList()))));
    }

    /** The room's latest messages, oldest first. */
    @GET
    @Path("/{room}/messages")
    public Uni<?> messages(@PathParam("room") String name, @QueryParam("limit") Integer limit) {
        if (identity.isAnonymous()) {
            return guests.messages(name, limit);
        }
        int size = limit == null ? config.historyDefaultLimit() : limit;
        if (size < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "limit must be at least 1");
        }
        return rooms.byName(name).chain(room -> history.latest(room.getId(), Math.min(size, config.historyMaxLimit())))
                .map(messages -> new RoomMessages(name, messages));
    }
}
