package dev.parley.api;

import dev.parley.auth.CurrentCaller;
import dev.parley.chat.MessageEdits;
import dev.parley.chat.MessageView;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

/** Edits and deletes, by the sender (or an admin); members see {@code message_updated} / {@code message_deleted}. */
@Path("/api/v1/messages/{id}")
@Authenticated
public class MessageResource {

    @RegisterForReflection
    public record Edit(String content) {
    }

    private final CurrentCaller caller;
    private final MessageEdits edits;
    private final ChatEvents events;

    MessageResource(CurrentCaller caller, MessageEdits edits, ChatEvents events) {
        this.caller = caller;
        this.edits = edits;
        this.events = events;
    }

    @PATCH
    public Uni<MessageView> edit(@PathParam("id") long messageId, Edit edit) {
        if (edit == null || edit.content() == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing content");
        }
        var editor = caller.get();
        return edits.edit(editor, messageId, edit.content())
                .call(events::messageEdited)
                .map(edited -> MessageView.of(edited.message(),
                        edited.message().isFrom(editor.id()) ? editor.username() : null));
    }

    /** A soft delete: the message keeps its place in history, without content. */
    @DELETE
    public Uni<RestResponse<Void>> delete(@PathParam("id") long messageId) {
        return edits.delete(caller.get(), messageId)
                .call(events::messageDeleted)
                .map(deleted -> RestResponse.noContent());
    }
}
