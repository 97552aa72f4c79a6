package dev.parley.dialect.socketio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Seed 004's Socket.IO dialect at {@code /socket.io/} (Engine.IO 4, Socket.IO 5). */
@ConfigMapping(prefix = "parley.socketio")
public interface SocketIoConfig {

    /**
     * Whether {@code /socket.io/} is served. On by default: it asks for the same
     * access token as every chat path. Off: both transports answer 404.
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the server pings each session (Engine.IO's {@code pingInterval}, sent in the handshake). */
    @WithDefault("25s")
    Duration pingInterval();

    /** How long a ping may go unanswered before the session is closed ({@code pingTimeout}). */
    @WithDefault("20s")
    Duration pingTimeout();

    /** Largest long-polling POST body in bytes ({@code maxPayload}, sent in the handshake); larger ones get 413. */
    @WithDefault("65536")
    int maxPayload();
}
