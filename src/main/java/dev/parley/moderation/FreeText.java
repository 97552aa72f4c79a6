package dev.parley.moderation;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;

import java.text.Normalizer;

/**
 * Reasons and notes are plain text, cleaned like message content: NFC, no
 * control characters but newline and tab, trimmed, then bounded.
 */
final class FreeText {

    private FreeText() {
    }

    /** The cleaned text of {@code field}; null stays null, blank or too long is {@code invalid_field}. */
    static String clean(String field, String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > maxLength) {
            throw new ChatException(ErrorCode.INVALID_FIELD, field + " must be 1 to " + maxLength + " characters");
        }
        return text;
    }
}
