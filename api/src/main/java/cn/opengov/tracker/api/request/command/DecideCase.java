package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.CaseResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record the decision of a reconsideration or lawsuit. */
public record DecideCase(@TargetAggregateIdentifier UUID requestId, String caseId, LocalDate decidedOn, CaseResult result) {
}
