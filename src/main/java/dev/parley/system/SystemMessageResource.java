package dev.parley.system;

import dev.parley.auth.Caller;
import dev.parley.chat.MessageView;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * {@code POST /api/v1/system-messages}, for the platform's backend (and admins):
 * 201 with the message when it was stored, 200 with the same message when the
 * {@code idempotency_key} was used before.
 */
@Path("/api/v1/system-messages")
@RolesAllowed({Caller.SERVICE, Caller.ADMIN})
public class SystemMessageResource {

    @RegisterForReflection
    public record NewSystemMessage(Long chatId, List<Long> userIds, String content, String idempotencyKey) {
    }

    private final SystemMessages messages;

    SystemMessageResource(SystemMessages messages) {
        this.messages = messages;
    }

    @POST
    public Uni<RestResponse<MessageView>> post(NewSystemMessage body) {
        if (body == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD,
                    "Send {\"chat_id\": ..., \"content\": ..., \"idempotency_key\": ...}");
        }
        return messages.post(body.chatId(), body.userIds(), body.content(), body.idempotencyKey())
                .map(sent -> RestResponse.status(sent.replay() ? RestResponse.Status.OK : RestResponse.Status.CREATED,
                        MessageView.of(sent.message(), null)));
    }
}
