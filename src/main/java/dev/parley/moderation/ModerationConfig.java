package dev.parley.moderation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of reports and of the admins' lists ({@code parley.moderation.*}). */
@ConfigMapping(prefix = "parley.moderation")
public interface ModerationConfig {

    /** Longest report reason accepted, in characters (Unicode code points) after clean-up. */
    @WithDefault("500")
    int maxReasonLength();

    /** Longest note an admin may attach to a resolution, in characters after clean-up. */
    @WithDefault("1000")
    int maxNoteLength();

    /** Page size of the report and audit lists when a request names none. */
    @WithDefault("50")
    int pageDefaultLimit();

    /** Largest page of the report and audit lists; larger requests get this many. */
    @WithDefault("200")
    int pageMaxLimit();
}
