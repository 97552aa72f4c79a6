package dev.parley.search;

import dev.parley.error.ChatException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchCursorTest {

    @Test
    void readsBackExactlyWhatItWrote() {
        for (float rank : new float[] {0f, 0.072134756f, 1.0E-5f, Float.MIN_VALUE, 12345.678f, 1.0E7f}) {
            SearchCursor cursor = new SearchCursor(rank, 42);
            assertEquals(cursor, SearchCursor.parse(cursor.text()), cursor.text());
        }
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"", "x", "1", "1:", ":1", "NaN:1", "Infinity:1", "1.0f:1", "0x1p3:1", "1:0",
                "1:-1", "-1:1", "1:99999999999999999999", "1.0E99:1"}) {
            assertThrows(ChatException.class, () -> SearchCursor.parse(text), text);
        }
    }
}
