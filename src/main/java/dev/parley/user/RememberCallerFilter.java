package dev.parley.user;

import dev.parley.auth.Caller;
import dev.parley.auth.CurrentCaller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every authenticated REST request refreshes the caller's profile from its token (a service has none). */
public class RememberCallerFilter {

    private final CurrentIdentityAssociation identities;
    private final CurrentCaller callers;
    private final UserService users;

    RememberCallerFilter(CurrentIdentityAssociation identities, CurrentCaller callers, UserService users) {
        this.identities = identities;
        this.callers = callers;
        this.users = users;
    }

    @ServerRequestFilter
    public Uni<Void> remember() {
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().voidItem();
            }
            Caller caller = callers.of(identity);
            return caller.isService() ? Uni.createFrom().voidItem() : users.remember(caller);
        });
    }
}
