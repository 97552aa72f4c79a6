package dev.parley.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the chat itself ({@code parley.chat.*}). */
@ConfigMapping(prefix = "parley.chat")
public interface ChatConfig {

    /** Longest message accepted, in characters (Unicode code points) after clean-up. */
    @WithDefault("4000")
    int maxContentLength();

    /** Longest {@code client_msg_id} accepted, in characters. */
    @WithDefault("64")
    int maxClientMsgIdLength();

    /** History page size when a request names none. */
    @WithDefault("50")
    int historyDefaultLimit();

    /** Largest history page a request may ask for; larger requests get this many. */
    @WithDefault("200")
    int historyMaxLimit();
}
