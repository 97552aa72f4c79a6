package dev.parley.user;

import dev.parley.auth.Caller;
import dev.parley.auth.CurrentCaller;
import dev.parley.error.ErrorCode;
import dev.parley.error.HandshakeRefusal;
import dev.parley.error.Outages;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * At the handshake, records the caller's profile from its token, and refuses a
 * deleted user's still-valid token with 403; during a database outage it answers
 * 503 with the JSON error body ({@link HandshakeRefusal}). One statement does both, so
 * opening a connection costs one database round trip for the user, not two.
 * A service token is for the server API, never a chat connection: 403.
 */
@ApplicationScoped
public class DeletedUserCheck implements HttpUpgradeCheck {

    private final UserService users;
    private final CurrentCaller callers;

    DeletedUserCheck(UserService users, CurrentCaller callers) {
        this.users = users;
        this.callers = callers;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().chain(identity -> {
            if (!CurrentCaller.isToken(identity)) {
                return CheckResult.permitUpgrade();
            }
            Caller caller = callers.of(identity);
            if (caller.isService()) {
                return CheckResult.rejectUpgrade(403);
            }
            return users.record(caller)
                    .onFailure(Outages::isOutage).transform(outage -> new HandshakeRefusal(ErrorCode.UNAVAILABLE,
                            "The database is unavailable; retry shortly", outage))
                    .chain(deleted -> deleted ? CheckResult.rejectUpgrade(403) : CheckResult.permitUpgrade());
        });
    }
}
