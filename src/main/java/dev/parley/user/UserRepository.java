package dev.parley.user;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    /**
     * Inserts the profile or refreshes it. The guard makes the common case (nothing
     * changed since the last login) a no-op instead of a row rewrite.
     */
    public Uni<Integer> upsert(long id, String username, String avatarUrl) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO users (id, username, avatar_url) VALUES (:id, :username, :avatar)
                        ON CONFLICT (id) DO UPDATE
                           SET username = excluded.username, avatar_url = excluded.avatar_url, updated_at = now()
                         WHERE (users.username, users.avatar_url) IS DISTINCT FROM (excluded.username, excluded.avatar_url)
                        """)
                .setParameter("id", id)
                .setParameter("username", username)
                .setParameter("avatar", avatarUrl)
                .executeUpdate());
    }
}
