package dev.parley.search;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;

import java.text.Normalizer;

/**
 * A checked search: {@code q} cleaned up like message content (NFC, control
 * characters gone, trimmed) and within its bounds, the optional {@code chat_id}
 * and {@code before} cursor, and the page size.
 */
record SearchRequest(String q, Long chatId, SearchCursor before, int limit) {

    /** Reads the raw query parameters; every bad value is a {@link ChatException} (400). */
    static SearchRequest of(String q, String chatId, String before, String limit, SearchConfig config) {
        return new SearchRequest(query(q, config), chatId(chatId), before == null ? null : SearchCursor.parse(before),
                limit(limit, config));
    }

    private static String query(String raw, SearchConfig config) {
        // A NUL would fail the statement; the other control characters are stripped from content too.
        String q = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("\\p{Cc}", " ").strip();
        if (q.isEmpty()) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "q is required: the words to look for");
        }
        if (q.codePointCount(0, q.length()) > config.maxQueryLength()) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "q is longer than " + config.maxQueryLength() + " characters");
        }
        return q;
    }

    private static Long chatId(String raw) {
        if (raw == null) {
            return null;
        }
        Long id = number(raw);
        if (id == null || id < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "chat_id must be a chat's id (a positive integer)");
        }
        return id;
    }

    private static int limit(String raw, SearchConfig config) {
        if (raw == null) {
            return config.defaultLimit();
        }
        Long limit = number(raw);
        if (limit == null || limit < 1 || limit > config.maxLimit()) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "limit must be 1 to " + config.maxLimit());
        }
        return limit.intValue();
    }

    private static Long number(String raw) {
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
