package dev.parley.cluster;

import dev.parley.cluster.redis.RedisConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The names of the broker's channels: one per user, one per room, and one on
 * which replicas tell each other about presence. The prefix
 * ({@code parley.redis.key-prefix}) lets several deployments share a Redis.
 */
@ApplicationScoped
public class Channels {

    private final String userPrefix;
    private final String roomPrefix;
    private final String presence;

    Channels(RedisConfig config) {
        this.userPrefix = config.keyPrefix() + ":user:";
        this.roomPrefix = config.keyPrefix() + ":room:";
        this.presence = config.keyPrefix() + ":presence-events";
    }

    public String user(long userId) {
        return userPrefix + userId;
    }

    public String room(long chatId) {
        return roomPrefix + chatId;
    }

    String presence() {
        return presence;
    }

    /** The user a user channel belongs to, or null for another channel. */
    Long userOf(String channel) {
        return channel.startsWith(userPrefix) ? Long.valueOf(channel.substring(userPrefix.length())) : null;
    }

    /** The room a room channel belongs to, or null for another channel. */
    Long roomOf(String channel) {
        return channel.startsWith(roomPrefix) ? Long.valueOf(channel.substring(roomPrefix.length())) : null;
    }
}
