package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.policy.Reach;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Who may see a conversation: its members. Everyone else gets {@code forbidden}.
 * Who may act in one (send, type, mark read): its members, and in a direct chat
 * only while the pair may reach each other ({@link Reach}).
 */
@ApplicationScoped
public class ChatAccess {

    private final ConversationRepository conversations;
    private final MemberRepository members;
    private final Reach reach;

    ChatAccess(ConversationRepository conversations, MemberRepository members, Reach reach) {
        this.conversations = conversations;
        this.members = members;
        this.reach = reach;
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

    /** A member who may act in the chat: in a direct chat, only while the pair may reach each other. */
    public Uni<Conversation> requireSpeaker(Caller caller, long chatId) {
        return requireMember(caller, chatId).call(conversation -> requireReach(caller, conversation));
    }

    /** In a direct chat, that the caller may reach the other member; elsewhere nothing. */
    public Uni<Void> requireReach(Caller caller, Conversation conversation) {
        return conversation.getKind() == ConversationKind.DIRECT
                ? reach.require(caller.id(), conversation.otherMember(caller.id()))
                : Uni.createFrom().voidItem();
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
