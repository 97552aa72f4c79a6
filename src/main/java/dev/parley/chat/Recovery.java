package dev.parley.chat;

import dev.parley.auth.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Finds what a reconnecting member missed in a chat, new messages, edits and deletes alike. */
@ApplicationScoped
public class Recovery {

    private final ChatConfig config;
    private final ChatAccess access;
    private final MessageRepository messages;
    private final History history;
    private final MemberRepository members;

    Recovery(ChatConfig config, ChatAccess access, MessageRepository messages, History history,
             MemberRepository members) {
        this.config = config;
        this.access = access;
        this.messages = messages;
        this.history = history;
        this.members = members;
    }

    @WithSession
    public Uni<Replay> since(Caller caller, long chatId, long lastSeen) {
        int limit = config.syncLimit();
        return access.requireMember(caller, chatId).chain(conversation -> access.audience(conversation)
                .chain(audience -> {
                    long seen = Math.min(lastSeen, conversation.getLastSeq());
                    Uni<List<Member>> others = audience.isRoom() ? Uni.createFrom().item(List.of())
                            : members.list("conversationId = ?1 and userId <> ?2", chatId, caller.id());
                    if (conversation.getLastSeq() - seen > limit) {
                        return others.map(positions -> new Replay(audience, false, conversation.getLastSeq(), List.of(),
                                List.of(), positions));
                    }
                    Uni<Long> eventAtSeen = seen == 0 ? Uni.createFrom().item(0L)
                            : messages.findBySeq(chatId, seen).map(message -> message == null ? 0L : message.getEventSeq());
                    return eventAtSeen.chain(sinceEvent -> history.after(chatId, seen, limit)
                            .chain(added -> messages.changedSince(chatId, seen, sinceEvent, limit + 1 - added.size())
                                    .chain(changed -> others.map(positions -> added.size() + changed.size() > limit
                                            ? new Replay(audience, false, conversation.getLastSeq(), List.of(), List.of(),
                                                    positions)
                                            : new Replay(audience, true, conversation.getLastSeq(), added, changed,
                                                    positions)))));
                }));
    }
}
