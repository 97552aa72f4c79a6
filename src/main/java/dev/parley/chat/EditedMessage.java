package dev.parley.chat;

/** A message after an edit or a delete, and who hears of it. */
public record EditedMessage(Message message, Audience audience) {
}
