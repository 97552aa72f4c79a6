package dev.parley.chat;

/** A message with its sender's current name and avatar. */
public record StoredMessage(Message message, String senderUsername, String senderAvatar) {
}
