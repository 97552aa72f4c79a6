package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of message a {@code new_message} carries ({@code message_type}). */
public enum MessageType {
    /** Written by a user. */
    @JsonProperty("text")
    TEXT,
    /** Posted by the platform's backend ({@code POST /api/v1/system-messages}); it has no sender. */
    @JsonProperty("system")
    SYSTEM
}
