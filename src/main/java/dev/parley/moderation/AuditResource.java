package dev.parley.moderation;

import dev.parley.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Admins read the audit log. */
@Path("/api/v1/audit")
@RolesAllowed(Caller.ADMIN)
public class AuditResource {

    private final Audit audit;
    private final Paging paging;

    AuditResource(Audit audit, Paging paging) {
        this.audit = audit;
        this.paging = paging;
    }

    /** Newest first, before the entry {@code before_id}. */
    @GET
    public Uni<Audit.Page> list(@QueryParam("before_id") Long beforeId, @QueryParam("limit") Integer limit) {
        return Uni.createFrom().item(() -> paging.size(limit))
                .chain(size -> audit.page(Paging.cursor("before_id", beforeId), size));
    }
}
