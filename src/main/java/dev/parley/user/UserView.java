package dev.parley.user;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/** A user as REST clients see it. */
@RegisterForReflection
public record UserView(long id, String username, String avatarUrl, List<String> roles, Instant createdAt,
                       Instant lastSeen) {

    static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getAvatarUrl(), user.getRoles(),
                user.getCreatedAt(), user.getLastSeen());
    }
}
