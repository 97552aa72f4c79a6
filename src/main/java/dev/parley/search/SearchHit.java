package dev.parley.search;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * One message found. {@code chatName} is the group's or room's name, or for a
 * direct chat the other member's username; {@code snippet} is HTML whose only
 * markup is {@code <mark>} ({@link Snippet}); {@code editedAt} is absent unless
 * edited; {@code senderId} and {@code senderUsername} are absent for a system
 * message ({@code messageType} {@code system}) or an unknown sender; a higher {@code rank} is a better match (comparable within one
 * search only).
 */
@RegisterForReflection
public record SearchHit(long id, long chatId, String chatKind, String chatName, long seq, Long senderId,
                        String senderUsername, String messageType, String snippet, Instant createdAt, Instant editedAt, float rank) {
}
