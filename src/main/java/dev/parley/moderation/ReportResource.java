package dev.parley.moderation;

import dev.parley.auth.CurrentCaller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

/** Members report a message they can read: 201 with a new report, 200 with their open one. */
@Path("/api/v1/messages/{id}/reports")
@Authenticated
public class ReportResource {

    @RegisterForReflection
    public record NewReport(String reason) {
    }

    private final CurrentCaller caller;
    private final Reporting reporting;

    ReportResource(CurrentCaller caller, Reporting reporting) {
        this.caller = caller;
        this.reporting = reporting;
    }

    @POST
    public Uni<RestResponse<ReportView>> report(@PathParam("id") long messageId, NewReport report) {
        if (report == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Send {\"reason\": ...}");
        }
        return reporting.report(caller.get(), messageId, report.reason())
                .map(filed -> filed.created() ? RestResponse.status(RestResponse.Status.CREATED, filed.report())
                        : RestResponse.ok(filed.report()));
    }
}
