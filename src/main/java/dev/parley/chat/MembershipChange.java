package dev.parley.chat;

/**
 * {@code userId} joined or left {@code conversation}. {@code audience} includes
 * them either way, so they hear of it too; {@code changed} is false when they
 * already were (or were not) a member.
 */
public record MembershipChange(Conversation conversation, Audience audience, long userId, String username,
                               boolean changed) {
}
