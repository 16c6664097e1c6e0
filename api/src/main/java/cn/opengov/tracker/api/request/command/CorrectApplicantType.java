package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.ApplicantType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Fix a data-entry mistake in the applicant type. */
public record CorrectApplicantType(@TargetAggregateIdentifier UUID requestId, ApplicantType type, String reason) {
}
