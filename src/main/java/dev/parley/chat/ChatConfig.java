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

    /** Most members a group may have, its creator included. */
    @WithDefault("100")
    int maxGroupMembers();

    /** Messages a room connection receives when it opens. */
    @WithDefault("50")
    int roomBacklog();

    /** A typing state nobody renews ends by itself after this long, with an {@code is_typing:false}. */
    @WithDefault("3s")
    java.time.Duration typingExpiry();

    /** Repeated typing frames of one user in one chat are forwarded at most once per this interval. */
    @WithDefault("2s")
    java.time.Duration typingMinInterval();

    /** Most events (new messages, edits, deletes) a {@code sync} replays per chat; beyond, it answers recovered=false. */
    @WithDefault("1000")
    int syncLimit();

    /** History page size when a request names none. */
    @WithDefault("50")
    int historyDefaultLimit();

    /** Largest history page a request may ask for; larger requests get this many. */
    @WithDefault("200")
    int historyMaxLimit();

    /**
     * Most messages stored in one database statement (also the most delivery
     * watermarks, and the most direct chats opened for first messages). Sends that
     * arrive while a batch is being written go together in the next one.
     */
    @WithDefault("256")
    int writeBatchSize();

    /** Direct chats (pairs of users) whose conversation id a replica remembers, so a send need not look it up. */
    @WithDefault("100000")
    int directChatCacheSize();
}
