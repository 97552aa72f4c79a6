package dev.parley.search;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of results ended: the rank and id of its last result. Results are
 * ordered by rank, then id, both descending, so the next page holds exactly those
 * that sort after this pair. On the wire it is {@code "<rank>:<id>"}, which clients
 * treat as opaque and pass back unchanged as {@code before}.
 *
 * <p>The rank is PostgreSQL's {@code real}; {@link Float#toString} writes the shortest
 * text that reads back as the same float, so the cursor compares exactly.
 */
record SearchCursor(float rank, long id) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,20}(?:\\.\\d{1,20})?(?:E-?\\d{1,2})?):(\\d{1,19})");

    static SearchCursor parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw invalid();
        }
        try {
            float rank = Float.parseFloat(matcher.group(1));
            long id = Long.parseLong(matcher.group(2));
            if (!Float.isFinite(rank) || id < 1) {
                throw invalid();
            }
            return new SearchCursor(rank, id);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    String text() {
        return Float.toString(rank) + ":" + id;
    }

    private static ChatException invalid() {
        return new ChatException(ErrorCode.INVALID_FIELD, "before must be the next_before of a previous search");
    }
}
