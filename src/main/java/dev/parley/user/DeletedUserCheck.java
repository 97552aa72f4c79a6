package dev.parley.user;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A deleted user's still-valid token opens no WebSocket: 403 at the handshake. */
@ApplicationScoped
public class DeletedUserCheck implements HttpUpgradeCheck {

    private final UserService users;

    DeletedUserCheck(UserService users) {
        this.users = users;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().chain(identity -> identity == null || identity.isAnonymous()
                        || !(identity.getPrincipal() instanceof JsonWebToken)
                ? CheckResult.permitUpgrade()
                : users.isDeleted(userId(identity))
                        .chain(deleted -> deleted ? CheckResult.rejectUpgrade(403) : CheckResult.permitUpgrade()));
    }

    private static long userId(SecurityIdentity identity) {
        return Long.parseLong(((JsonWebToken) identity.getPrincipal()).getSubject());
    }
}
