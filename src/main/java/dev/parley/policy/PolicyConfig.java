package dev.parley.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may reach whom directly. */
@ConfigMapping(prefix = "parley.policy")
public interface PolicyConfig {

    /**
     * {@code open}: anyone may message, type to, read receipts and presence of anyone;
     * {@code mentorships}: only a mentorship pair, or a pair with an admin in it. Blocks
     * apply under both.
     */
    @WithDefault("open")
    DirectPolicy direct();
}
