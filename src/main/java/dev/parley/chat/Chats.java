package dev.parley.chat;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.vertx.pgclient.PgException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates groups and rooms and changes who is in them. */
@ApplicationScoped
public class Chats {

    private static final Pattern ROOM_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,64}");

    private final ChatConfig config;
    private final ConversationRepository conversations;
    private final MemberRepository members;
    private final UserRepository users;
    private final ChatAccess access;

    Chats(ChatConfig config, ConversationRepository conversations, MemberRepository members, UserRepository users,
          ChatAccess access) {
        this.config = config;
        this.conversations = conversations;
        this.members = members;
        this.users = users;
        this.access = access;
    }

    /**
     * A group of the creator and {@code memberIds} (the platform's backend creates
     * groups it is not a member of); every member must be a known user. With an
     * {@code idempotencyKey} a retry, even a concurrent one, answers the group the
     * first attempt created.
     */
    public Uni<Audience> createGroup(Caller creator, String name, List<Long> memberIds, String idempotencyKey) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.MISSING_FIELD, "name is required (1 to 100 characters)"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_FIELD,
                    "idempotency_key has 1 to 200 characters"));
        }
        Uni<Audience> create = Panache.withTransaction(() -> previous(idempotencyKey)
                .onItem().ifNull().switchTo(() -> insertGroup(creator, name, memberIds, idempotencyKey)));
        return idempotencyKey == null ? create
                : create.onFailure(Chats::isUniqueViolation).recoverWithUni(() -> Panache.withSession(
                        () -> previous(idempotencyKey)));
    }

    private Uni<Audience> previous(String idempotencyKey) {
        return idempotencyKey == null ? Uni.createFrom().nullItem()
                : conversations.find("idempotencyKey", idempotencyKey).firstResult()
                        .onItem().ifNotNull().transformToUni(access::audience);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Audience> insertGroup(Caller creator, String name, List<Long> memberIds, String idempotencyKey) {
        Set<Long> ids = new LinkedHashSet<>();
        if (!creator.isService()) {
            ids.add(creator.id());
        }
        if (memberIds != null) {
            ids.addAll(memberIds);
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.MISSING_FIELD, "member_ids names the members"));
        }
        if (ids.size() > config.maxGroupMembers()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_FIELD,
                    "A group has at most " + config.maxGroupMembers() + " members"));
        }
        return users.count("id in ?1", ids)
                .invoke(known -> {
                    if (known != ids.size()) {
                        throw new ChatException(ErrorCode.UNKNOWN_RECIPIENT, "Some member_ids are unknown users");
                    }
                })
                .chain(() -> conversations.persist(new Conversation(ConversationKind.GROUP, name.strip(),
                        creator.isService() ? null : creator.id(),
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).withIdempotencyKey(idempotencyKey)))
                .call(group -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> members.add(group.getId(), id))
                        .collect().last())
                .chain(access::audience);
    }

    /** Adds {@code userId} to a group the caller is a member of (any group, for an admin or the backend). */
    @WithTransaction
    public Uni<MembershipChange> addMember(Caller caller, long chatId, long userId) {
        return (caller.isPrivileged() ? access.require(chatId) : access.requireMember(caller, chatId))
                .invoke(conversation -> requireGroup(conversation, "Only groups get members added; rooms are joined"))
                .chain(group -> users.findById(userId)
                        .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.UNKNOWN_RECIPIENT,
                                "Unknown user " + userId))
                        .chain(user -> members.add(chatId, userId)
                                .chain(added -> change(group, userId, user.getUsername(), added))));
    }

    /** Removes a member: anyone may leave; the group's creator and admins may remove others. */
    @WithTransaction
    public Uni<MembershipChange> removeMember(Caller caller, long chatId, long userId) {
        return access.require(chatId).chain(conversation -> {
            if (conversation.getKind() == ConversationKind.DIRECT) {
                throw new ChatException(ErrorCode.FORBIDDEN, "Nobody leaves a direct chat");
            }
            boolean self = userId == caller.id();
            boolean allowed = self || caller.isPrivileged() || (conversation.getKind() == ConversationKind.GROUP
                    && Long.valueOf(caller.id()).equals(conversation.getCreatedBy()));
            if (!allowed) {
                throw new ChatException(ErrorCode.FORBIDDEN, "Only the group's creator removes others");
            }
            return access.audience(conversation).chain(before -> users.findById(userId)
                    .chain(user -> members.remove(chatId, userId)
                            .map(removed -> new MembershipChange(conversation, before, userId,
                                    user == null ? null : user.getUsername(), removed))));
        });
    }

    /** {@code join_chat}: joining a room makes the caller a member; other chats need membership already. */
    @WithTransaction
    public Uni<MembershipChange> join(Caller caller, long chatId) {
        return access.require(chatId).chain(conversation -> conversation.getKind() == ConversationKind.ROOM
                ? members.add(chatId, caller.id()).chain(added -> change(conversation, caller.id(), caller.username(), added))
                : access.requireMember(caller, chatId).chain(member -> change(conversation, caller.id(),
                        caller.username(), false)));
    }

    /** {@code leave_chat}: leaving a room ends membership; other chats stay as they are. */
    @WithTransaction
    public Uni<MembershipChange> leave(Caller caller, long chatId) {
        return access.requireMember(caller, chatId).chain(conversation -> conversation.getKind() == ConversationKind.ROOM
                ? access.audience(conversation).chain(audience -> members.remove(chatId, caller.id())
                        .map(removed -> new MembershipChange(conversation, audience, caller.id(), caller.username(), removed)))
                : change(conversation, caller.id(), caller.username(), false));
    }

    /** Joins the named room, creating it on first use. */
    @WithTransaction
    public Uni<MembershipChange> joinRoom(Caller caller, String name) {
        if (name == null || !ROOM_NAME.matcher(name).matches()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_FIELD,
                    "A room name is 1 to 64 letters, digits, '_', '.' or '-'"));
        }
        return conversations.openRoom(name, caller.id())
                .chain(room -> members.add(room.getId(), caller.id())
                        .chain(added -> change(room, caller.id(), caller.username(), added)));
    }

    private Uni<MembershipChange> change(Conversation conversation, long userId, String username, boolean changed) {
        return access.audience(conversation)
                .map(audience -> new MembershipChange(conversation, audience, userId, username, changed));
    }

    private static void requireGroup(Conversation conversation, String refusal) {
        if (conversation.getKind() != ConversationKind.GROUP) {
            throw new ChatException(ErrorCode.INVALID_FIELD, refusal);
        }
    }
}
