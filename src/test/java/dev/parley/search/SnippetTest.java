package dev.parley.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SnippetTest {

    @Test
    void marksBecomeTheOnlyTagsAndEverythingElseIsEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <mark>e</mark>",
                Snippet.html("a \u0001b> & \"c\" 'd' \u0002e\u0003"));
        assertEquals("&lt;mark&gt;x&lt;/mark&gt;", Snippet.html("<mark>x</mark>"));
    }

    @Test
    void marksComeOutBalancedWhateverTheInput() {
        assertEquals("<mark>a</mark>b", Snippet.html("\u0002\u0002a\u0003\u0003b"));
        assertEquals("<mark>open</mark>", Snippet.html("\u0002open"));
        assertEquals("stray", Snippet.html("stray\u0003"));
    }
}
