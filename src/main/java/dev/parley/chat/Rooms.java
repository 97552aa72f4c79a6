package dev.parley.chat;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.user.User;
import dev.parley.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Public rooms by name (seed 002's room API). */
@ApplicationScoped
public class Rooms {

    private final ConversationRepository conversations;
    private final UserRepository users;

    Rooms(ConversationRepository conversations, UserRepository users) {
        this.conversations = conversations;
        this.users = users;
    }

    @WithSession
    public Uni<List<String>> names() {
        return conversations.find("select c.name from Conversation c where c.kind = ?1", Sort.ascending("name"),
                ConversationKind.ROOM).project(String.class).list();
    }

    @WithSession
    public Uni<Conversation> byName(String name) {
        return conversations.findRoom(name)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No room " + name));
    }

    @WithSession
    public Uni<List<User>> members(long chatId) {
        return users.find("select u from User u, Member m where m.userId = u.id and m.conversationId = ?1 "
                + "order by u.username", chatId).list();
    }
}
