package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.OutcomeCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Fix a wrongly recorded outcome after the answer. */
public record ReclassifyOutcome(@TargetAggregateIdentifier UUID requestId, OutcomeCategory outcome, String reason) {
}
