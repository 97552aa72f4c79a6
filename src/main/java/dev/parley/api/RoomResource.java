package dev.parley.api;

import dev.parley.chat.ChatConfig;
import dev.parley.chat.History;
import dev.parley.chat.MessageView;
import dev.parley.chat.Rooms;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.cluster.PresenceStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.HashSet;
import java.util.List;

/** Seed 002's room API: public rooms, their members and their latest messages. */
@Path("/api/rooms")
@Authenticated
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

    RoomResource(Rooms rooms, History history, PresenceStore presence, ChatConfig config) {
        this.rooms = rooms;
        this.history = history;
        this.presence = presence;
        this.config = config;
    }

    @GET
    public Uni<RoomList> list() {
        return rooms.names().map(RoomList::new);
    }

    /** The room's members, each with whether they are online now. */
    @GET
    @Path("/{room}/users")
    public Uni<RoomUsers> users(@PathParam("room") String name) {
        return rooms.byName(name).chain(room -> rooms.members(room.getId())
                .chain(members -> presence.onlineUsers().map(HashSet::new).map(online -> new RoomUsers(name,
                        members.stream().map(user -> new RoomUser(user.getId(), user.getUsername(),
                                online.contains(user.getId()))).toList()))));
    }

    /** The room's latest messages, oldest first. */
    @GET
    @Path("/{room}/messages")
    public Uni<RoomMessages> messages(@PathParam("room") String name, @QueryParam("limit") Integer limit) {
        int size = limit == null ? config.historyDefaultLimit() : limit;
        if (size < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "limit must be at least 1");
        }
        return rooms.byName(name).chain(room -> history.latest(room.getId(), Math.min(size, config.historyMaxLimit())))
                .map(messages -> new RoomMessages(name, messages));
    }
}
