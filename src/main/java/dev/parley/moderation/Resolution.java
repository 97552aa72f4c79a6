package dev.parley.moderation;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an admin does about a report; the wire and database name is the lower-case one. */
public enum Resolution {
    DELETE_MESSAGE,
    BAN_USER,
    DISMISS;

    public String wireName() {
        return name().toLowerCase();
    }

    /** The action a request names; {@code missing_field} or {@code invalid_field} otherwise. */
    public static Resolution parse(String action) {
        if (action == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing action (" + choices() + ")");
        }
        return Arrays.stream(values()).filter(value -> value.wireName().equals(action)).findFirst()
                .orElseThrow(() -> new ChatException(ErrorCode.INVALID_FIELD, "action must be one of " + choices()));
    }

    private static String choices() {
        return Arrays.stream(values()).map(Resolution::wireName).collect(Collectors.joining(", "));
    }
}
