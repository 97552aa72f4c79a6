package dev.parley.api;

import dev.parley.auth.CurrentCaller;
import dev.parley.chat.Audience;
import dev.parley.chat.ChatListing;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.Chats;
import dev.parley.chat.History;
import dev.parley.chat.HistoryPage;
import dev.parley.chat.MessageView;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import dev.parley.events.MessageSending;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Conversations over REST; every write is announced to connected members over WebSocket. */
@Path("/api/v1/chats")
@Authenticated
public class ChatResource {

    @RegisterForReflection
    public record NewGroup(String name, List<Long> memberIds, String idempotencyKey) {
    }

    @RegisterForReflection
    public record NewMember(Long userId) {
    }

    @RegisterForReflection
    public record NewMessage(String content, String clientMsgId) {
    }

    @RegisterForReflection
    public record ChatView(long id, String kind, String name, List<Long> memberIds) {
        static ChatView of(Audience audience, String name) {
            return new ChatView(audience.chatId(), audience.kind().name().toLowerCase(), name, audience.memberIds());
        }
    }

    private final CurrentCaller caller;
    private final ChatListing listing;
    private final Chats chats;
    private final History history;
    private final ChatEvents events;
    private final MessageSending sending;

    ChatResource(CurrentCaller caller, ChatListing listing, Chats chats, History history, ChatEvents events,
                 MessageSending sending) {
        this.caller = caller;
        this.listing = listing;
        this.chats = chats;
        this.history = history;
        this.events = events;
        this.sending = sending;
    }

    /** The caller's conversations, most recent activity first, with last message and unread count. */
    @GET
    public Uni<List<ChatSummary>> list() {
        return listing.of(caller.get().id());
    }

    @POST
    @ResponseStatus(201)
    public Uni<ChatView> create(NewGroup group) {
        if (group == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Send {\"name\": ..., \"member_ids\": [...]}");
        }
        return chats.createGroup(caller.get(), group.name(), group.memberIds(), group.idempotencyKey())
                .map(audience -> ChatView.of(audience, group.name().strip()));
    }

    @POST
    @Path("/{id}/members")
    public Uni<RestResponse<Void>> addMember(@PathParam("id") long chatId, NewMember member) {
        if (member == null || member.userId() == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing user_id");
        }
        return chats.addMember(caller.get(), chatId, member.userId())
                .call(change -> change.changed() ? events.joined(change, null) : Uni.createFrom().voidItem())
                .map(change -> RestResponse.noContent());
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    public Uni<RestResponse<Void>> removeMember(@PathParam("id") long chatId, @PathParam("userId") long userId) {
        return chats.removeMember(caller.get(), chatId, userId)
                .call(change -> change.changed() ? events.left(change) : Uni.createFrom().voidItem())
                .map(change -> RestResponse.noContent());
    }

    /** History: back from {@code before_seq} (newest first, the default) or forward from {@code after_seq}. */
    @GET
    @Path("/{id}/messages")
    public Uni<HistoryPage> messages(@PathParam("id") long chatId, @QueryParam("before_seq") Long beforeSeq,
                                     @QueryParam("after_seq") Long afterSeq, @QueryParam("limit") Integer limit) {
        return history.chat(caller.get(), chatId, beforeSeq, afterSeq, limit);
    }

    /** Sends like the WebSocket {@code message} frame does, with the same effects. */
    @POST
    @Path("/{id}/messages")
    @ResponseStatus(201)
    public Uni<MessageView> send(@PathParam("id") long chatId, NewMessage message) {
        var sender = caller.get();
        if (message == null || message.content() == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing content");
        }
        return sending.send(sender, new MessageSending.Target.Chat(chatId), message.content(), message.clientMsgId(), null)
                .map(sent -> MessageView.of(sent.sent().message(), sender.username()));
    }
}
