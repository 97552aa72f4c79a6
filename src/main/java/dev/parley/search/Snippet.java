package dev.parley.search;

/**
 * Turns {@code ts_headline}'s output into the snippet clients get: HTML in which
 * the only markup is {@code <mark>...</mark>} around matched words. Everything
 * else is the message's text, escaped ({@code & < > " '} become {@code &amp; &lt;
 * &gt; &quot; &#39;}), so a page may render it as HTML without injection, and
 * a client that wants text drops the two tags and unescapes the five entities.
 *
 * <p>The database marks matches with U+0002 and U+0003 and writes {@code <} as
 * U+0001 (see the V6 migration); none of them occurs in stored content, so no
 * message can forge a mark. Marks come out balanced whatever the input.
 */
final class Snippet {

    static final char LESS_THAN = '\u0001';
    static final char START = '\u0002';
    static final char STOP = '\u0003';

    private Snippet() {
    }

    static String html(String headline) {
        StringBuilder html = new StringBuilder(headline.length() + 32);
        boolean marking = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case START -> {
                    if (!marking) {
                        html.append("<mark>");
                        marking = true;
                    }
                }
                case STOP -> {
                    if (marking) {
                        html.append("</mark>");
                        marking = false;
                    }
                }
                case LESS_THAN, '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (marking) {
            html.append("</mark>");
        }
        return html.toString();
    }
}
