package dev.parley.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of message search ({@code parley.search.*}). */
@ConfigMapping(prefix = "parley.search")
public interface SearchConfig {

    /** Results per page when a request names no {@code limit}. */
    @WithDefault("20")
    int defaultLimit();

    /** Largest {@code limit} a request may name; a larger one is refused with 400. */
    @WithDefault("50")
    int maxLimit();

    /** Longest {@code q} accepted, in characters (Unicode code points) after clean-up; a longer one is refused with 400. */
    @WithDefault("200")
    int maxQueryLength();
}
