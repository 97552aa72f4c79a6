package dev.parley.moderation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/** What a resolution did: the action, and every open report of the message it closed. */
@RegisterForReflection
public record ResolutionView(long reportId, long messageId, String action, String note, long resolvedBy,
                             Instant resolvedAt, List<Long> closedReportIds, long auditId) {
}
