package dev.parley.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A person Parley knows: created from token claims on first contact, or ahead of it by an admin. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "avatar_url", length = 2048)
    private String avatarUrl;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** As the user's latest token (or the platform's backend) stated them; the contact policy reads them. */
    @Column(nullable = false)
    private String[] roles;

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public List<String> getRoles() {
        return roles == null ? List.of() : List.of(roles);
    }
}
