package dev.parley.moderation;

import dev.parley.auth.Caller;
import dev.parley.auth.CurrentCaller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Admins read the reports and resolve them. */
@Path("/api/v1/reports")
@RolesAllowed(Caller.ADMIN)
public class ReportAdminResource {

    @RegisterForReflection
    public record Decision(String action, String note) {
    }

    private final CurrentCaller caller;
    private final ReportQueue queue;
    private final Resolutions resolutions;

    ReportAdminResource(CurrentCaller caller, ReportQueue queue, Resolutions resolutions) {
        this.caller = caller;
        this.queue = queue;
        this.resolutions = resolutions;
    }

    /** Open reports (or {@code status=resolved} ones), oldest first, after the report {@code after_id}. */
    @GET
    public Uni<ReportSummary.Page> list(@QueryParam("status") String status, @QueryParam("after_id") Long afterId,
                                        @QueryParam("limit") Integer limit) {
        return queue.list(status, afterId, limit);
    }

    /** Deletes the message, bans its sender or dismisses; closes every open report of the message. */
    @POST
    @Path("/{id}/resolution")
    public Uni<ResolutionView> resolve(@PathParam("id") long reportId, Decision decision) {
        if (decision == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Send {\"action\": ..., \"note\": ...}");
        }
        return resolutions.resolve(caller.get(), reportId, decision.action(), decision.note());
    }
}
