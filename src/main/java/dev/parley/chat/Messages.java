package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.metrics.ChatMetrics;
import dev.parley.policy.Reach;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Sends messages to a user (their direct chat) or to a chat: validates, stores
 * with the conversation's next seq, and makes retries idempotent. Every message is
 * stored by {@link MessageWriter}, in batches; anything unusual (a retry, a
 * refusal, a first message between two users) is first checked one by one.
 */
@ApplicationScoped
public class Messages {

    private final MessageContent content;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ChatAccess access;
    private final ChatMetrics metrics;
    private final MessageWriter writer;
    private final DirectChats directChats;
    private final Reach reach;
    private final DirectChatOpener opener;

    Messages(MessageContent content, ConversationRepository conversations,
             MessageRepository messages, ChatAccess access, ChatMetrics metrics, MessageWriter writer,
             DirectChats directChats, DirectChatOpener opener, Reach reach) {
        this.opener = opener;
        this.reach = reach;
        this.metrics = metrics;
        this.writer = writer;
        this.directChats = directChats;
        this.content = content;
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
    }

    /**
     * A 1:1 message; the pair's conversation is created on first use, in a batch
     * with other first messages ({@link DirectChatOpener}).
     */
    public Uni<SentMessage> sendDirect(Caller sender, long recipientId, String rawContent, String clientMsgId) {
        return draft(sender, rawContent, clientMsgId).chain(draft -> {
            if (recipientId == sender.id()) {
                return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_RECIPIENT,
                        "You cannot message yourself"));
            }
            // Deferred: assembling the transaction costs, and most sends never need it.
            Uni<SentMessage> oneByOne = Uni.createFrom().deferred(() -> storeOneByOne(draft,
                    () -> reach.requireRecipient(sender.id(), recipientId)
                            .chain(() -> conversations.openDirect(sender.id(), recipientId))
                            .chain(conversations::findById)))
                    .invoke(sent -> directChats.remember(sender.id(), recipientId, sent.audience().chatId()));
            Long known = directChats.known(sender.id(), recipientId);
            Uni<Long> chat = known != null ? Uni.createFrom().item(known) : opener.open(sender.id(), recipientId)
                    .invoke(opened -> {
                        if (opened != null) {
                            directChats.remember(sender.id(), recipientId, opened);
                        }
                    });
            return chat.chain(chatId -> chatId == null ? oneByOne
                    : batched(chatId, draft).onItem().ifNull().switchTo(oneByOne));
        });
    }

    /** A message to a conversation the sender is a member of. */
    public Uni<SentMessage> sendToChat(Caller sender, long chatId, String rawContent, String clientMsgId) {
        return draft(sender, rawContent, clientMsgId).chain(draft -> batched(chatId, draft)
                .onItem().ifNull().switchTo(() -> storeOneByOne(draft, () -> access.requireSpeaker(sender, chatId))));
    }

    private Uni<Draft> draft(Caller sender, String rawContent, String rawClientMsgId) {
        return Uni.createFrom().item(() -> new Draft(sender.id(), content.clean(rawContent),
                content.clientMsgId(rawClientMsgId)));
    }

    /**
     * The common case, with everyone else's sends in one statement
     * ({@link MessageWriter}); null when that did not store it (a retry, or a sender
     * who is not a member), which {@link #storeOneByOne} then tells apart.
     */
    private Uni<SentMessage> batched(long chatId, Draft draft) {
        return metrics.timePersist(writer.write(new MessageWriter.Draft(chatId, draft.senderId(), draft.content(),
                draft.clientMsgId(), Instant.now().truncatedTo(ChronoUnit.MILLIS))));
    }

    /**
     * The unusual case, one send at a time. A transaction tells a retry (the same
     * {@code client_msg_id}: the original comes back) from a refusal and creates
     * what the send needs (a first message's direct chat); once that committed, the
     * message is stored like every other, by {@link MessageWriter}, so the storage
     * rules exist once. Should the write still not store it, a racing attempt with
     * the same {@code client_msg_id} may have won (its message comes back), or a
     * batch conflict stood in the way (one more try), or the sender stopped being a
     * member meanwhile (refused).
     */
    private Uni<SentMessage> storeOneByOne(Draft draft, Supplier<Uni<Conversation>> target) {
        return Panache.withTransaction(() -> previous(draft).chain(found -> found != null
                        ? Uni.createFrom().item(Checked.replay(found))
                        : target.get().map(conversation -> Checked.allowed(conversation.getId()))))
                .chain(checked -> checked.replay() != null ? Uni.createFrom().item(checked.replay())
                        : batched(checked.chatId(), draft)
                                .onItem().ifNull().switchTo(() -> Panache.withSession(() -> previous(draft)))
                                .onItem().ifNull().switchTo(() -> batched(checked.chatId(), draft))
                                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.FORBIDDEN,
                                        "You are not a member of chat " + checked.chatId())));
    }

    /** What the checks of a one-by-one send found: a retry's original, or the chat to store into. */
    private record Checked(SentMessage replay, long chatId) {
        static Checked replay(SentMessage original) {
            return new Checked(original, original.audience().chatId());
        }

        static Checked allowed(long chatId) {
            return new Checked(null, chatId);
        }
    }

    private record Draft(long senderId, String content, String clientMsgId) {
    }

    /** The message an earlier attempt with the same client_msg_id stored, or null. */
    private Uni<SentMessage> previous(Draft draft) {
        if (draft.clientMsgId() == null) {
            return Uni.createFrom().nullItem();
        }
        return messages.findByClientMsgId(draft.senderId(), draft.clientMsgId())
                .onItem().ifNotNull().transformToUni(message -> access.require(message.getConversationId())
                        .chain(access::audience)
                        .map(audience -> new SentMessage(message, audience, true)));
    }
}
