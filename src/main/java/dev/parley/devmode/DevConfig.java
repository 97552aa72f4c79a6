package dev.parley.devmode;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the dev-profile-only token minting ({@code parley.dev.*}). */
@ConfigMapping(prefix = "parley.dev")
public interface DevConfig {

    /** Where the generated dev key pair is kept, so minted tokens survive restarts. */
    @WithDefault("target/dev-keys")
    String keyDir();

    /** How long a minted dev token is valid. */
    @WithDefault("12h")
    Duration tokenLifespan();
}
