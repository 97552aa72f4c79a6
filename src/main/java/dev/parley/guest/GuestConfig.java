package dev.parley.guest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Guest rooms of seeds 002 and 003 ({@code parley.rooms.guests.*}): display names without an account. */
@ConfigMapping(prefix = "parley.rooms.guests")
public interface GuestConfig {

    /**
     * Serves {@code /ws/{room}/{username}} (seed 002) and {@code /ws/chat/{room}/{username}}
     * (seed 003) to anyone, without a token, and answers the room REST API without a
     * token in the seed's shape. Off by default: then those paths answer 404 and the
     * room API needs a token.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * Messages all guests behind one client address may send per minute, over all
     * replicas; each guest name also has the per-user limit of {@code parley.limits}.
     */
    @WithDefault("60")
    int messagesPerAddressPerMinute();

    /** Messages guests behind one address may send at once before the per-minute rate applies. */
    @WithDefault("10")
    int messageBurstPerAddress();
}
