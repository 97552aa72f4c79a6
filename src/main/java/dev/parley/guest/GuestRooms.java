package dev.parley.guest;

import dev.parley.auth.Caller;
import dev.parley.chat.ChatConfig;
import dev.parley.chat.Chats;
import dev.parley.chat.History;
import dev.parley.chat.MembershipChange;
import dev.parley.chat.StoredMessage;
import dev.parley.cluster.Node;
import dev.parley.cluster.RoomNames;
import dev.parley.cluster.Session;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import dev.parley.events.MessageSending;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A guest's stay in a room, over the same chats, messages and events as every
 * member's: entering makes the guest a member of the public room and claims the
 * name there ({@link RoomNames}, cluster-wide); saying something is an ordinary
 * send ({@link MessageSending}); leaving gives the name back (the guest stays
 * a member, as members do). Everyone in the room hears {@code user_joined} and {@code user_left}
 * on each of a guest's connects and disconnects, as seed 002 does.
 */
@ApplicationScoped
public class GuestRooms {

    /** One connection's place in a room ({@code joined}: its membership); {@code left} makes leaving happen once. */
    public record Seat(Caller guest, long chatId, String connectionId, String address, MembershipChange joined,
                       AtomicBoolean left) {
    }

    /** What entering gives the connection: its seat and the backlog to send first. */
    public record Entered(Seat seat, List<StoredMessage> backlog) {
        Map<Long, Long> covered() {
            return Map.of(seat.chatId(), backlog.isEmpty() ? 0 : backlog.getLast().message().getSeq());
        }
    }

    private final Chats chats;
    private final RoomNames names;
    private final Node node;
    private final History history;
    private final ChatConfig config;
    private final ChatEvents events;
    private final MessageSending sending;
    private final GuestLimits limits;

    GuestRooms(Chats chats, RoomNames names, Node node, History history, ChatConfig config, ChatEvents events,
               MessageSending sending, GuestLimits limits) {
        this.chats = chats;
        this.names = names;
        this.node = node;
        this.history = history;
        this.config = config;
        this.events = events;
        this.sending = sending;
        this.limits = limits;
    }

    /**
     * Joins the room (creating it), claims the name in it and routes the room's
     * traffic to the session; fails with {@code conflict} when a live connection
     * holds the name there.
     */
    public Uni<Entered> enter(Session session, String room, String address) {
        Caller guest = session.caller();
        return chats.joinRoom(guest, room).chain(change -> {
            long chatId = change.conversation().getId();
            return names.claim(chatId, guest.username(), session.id()).chain(claimed -> {
                if (!claimed) {
                    throw new ChatException(ErrorCode.CONFLICT,
                            "Someone is connected to " + room + " as " + guest.username() + "; pick another name");
                }
                Seat seat = new Seat(guest, chatId, session.id(), address, change, new AtomicBoolean());
                return node.joinRoom(session, chatId)
                        .chain(() -> history.latestWithSenders(chatId, config.roomBacklog()))
                        .map(backlog -> new Entered(seat, backlog))
                        .onFailure().call(() -> names.release(chatId, guest.username(), session.id()));
            });
        });
    }

    /** Tells everyone else in the room that the guest joined (on every connect, unlike members). */
    public Uni<Void> announce(Entered entered) {
        return events.joined(entered.seat().joined(), entered.seat().connectionId());
    }

    /** A message from the guest: the address's limit, then the one send path (which applies the name's). */
    public Uni<Void> say(Seat seat, String content) {
        // No connection is answered directly: like seed 002, the sender gets its message with everyone else.
        return limits.acquire(seat.address())
                .chain(() -> sending.send(seat.guest(), new MessageSending.Target.Chat(seat.chatId()), content, null,
                        null))
                .replaceWithVoid();
    }

    /**
     * Gives the name back and tells the room; once per seat, never failing. The
     * guest stays a member of the room, as a member who closes a room connection
     * does: removing it here could remove the membership of the same name's next
     * connection, which may already be entering.
     */
    public Uni<Void> leave(Seat seat) {
        if (!seat.left().compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return names.release(seat.chatId(), seat.guest().username(), seat.connectionId())
                .onFailure().recoverWithItem(failure -> warn(seat, failure))
                .chain(() -> events.left(seat.joined()))
                .onFailure().recoverWithItem(failure -> warn(seat, failure));
    }

    private static Void warn(Seat seat, Throwable failure) {
        Log.warnf("Guest %d did not leave room %d cleanly: %s", seat.guest().id(), seat.chatId(), failure.getMessage());
        return null;
    }
}
