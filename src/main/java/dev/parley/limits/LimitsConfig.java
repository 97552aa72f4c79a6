package dev.parley.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Abuse limits ({@code parley.limits.*}). */
@ConfigMapping(prefix = "parley.limits")
public interface LimitsConfig {

    /** Messages a user may send per minute, over all their connections on all replicas (WebSocket and REST). */
    @WithDefault("100")
    int messagesPerMinute();

    /** Messages a user may send at once before the per-minute rate applies. */
    @WithDefault("20")
    int messageBurst();

    /** Frames of any type a connection may send per second before it is closed with 1008. */
    @WithDefault("20")
    int framesPerSecond();

    /** Frames a connection may send at once before the per-second rate applies. */
    @WithDefault("40")
    int frameBurst();

    /**
     * Frames a connection may have waiting to be written. At half of it, typing and
     * presence frames are dropped; at all of it the connection is closed with 1013.
     */
    @WithDefault("1000")
    int outboundQueue();

    /** WebSocket handshakes one IP address may make per minute, over all replicas; beyond, 429. */
    @WithDefault("600")
    int handshakesPerMinute();

    /** Handshakes one IP address may make at once before that rate applies. */
    @WithDefault("100")
    int handshakeBurst();

    /** Open connections per user on one replica; opening one more closes the oldest with 4002. */
    @WithDefault("10")
    int connectionsPerUser();
}
