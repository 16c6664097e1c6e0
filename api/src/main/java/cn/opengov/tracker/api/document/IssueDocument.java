package cn.opengov.tracker.api.document;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Record a written notice rendered from the request's events up to {@code basedOnVersion}: if anything was
 * recorded on the request since, the notice may state stale facts and the command is refused as a concurrent
 * change.
 */
public record IssueDocument(@TargetAggregateIdentifier UUID requestId, UUID documentId, DocumentKind kind,
                            String number, String sha256, String docxSha256, LocalDate datedOn, String subjectId,
                            UUID supersedes, @TargetAggregateVersion Long basedOnVersion) {
}
