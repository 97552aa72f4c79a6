package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Who may see a conversation: its members. Everyone else gets {@code forbidden}. */
@ApplicationScoped
public class ChatAccess {

    private final ConversationRepository conversations;
    private final MemberRepository members;

    ChatAccess(ConversationRepository conversations, MemberRepository members) {
        this.conversations = conversations;
        this.members = members;
    }

    public Uni<Conversation> require(long chatId) {
        return conversations.findById(chatId)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No chat " + chatId));
    }

    public Uni<Conversation> requireMember(Caller caller, long chatId) {
        return require(chatId).call(conversation -> members.isMember(chatId, caller.id())
                .invoke(member -> {
                    if (!member) {
                        throw new ChatException(ErrorCode.FORBIDDEN, "You are not a member of chat " + chatId);
                    }
                }));
    }

    /** The members to notify of the conversation's events (none listed for rooms: they go by channel). */
    public Uni<Audience> audience(Conversation conversation) {
        if (conversation.getKind() == ConversationKind.ROOM) {
            return Uni.createFrom().item(new Audience(conversation.getId(), ConversationKind.ROOM, List.of(),
                    Audience.orderKey(conversation)));
        }
        return members.memberIds(conversation.getId())
                .map(ids -> new Audience(conversation.getId(), conversation.getKind(), ids, Audience.orderKey(conversation)));
    }
}
