package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record an administrative reconsideration (行政复议) about this request. */
public record FileReconsideration(@TargetAggregateIdentifier UUID requestId, String caseId, LocalDate filedOn) {
}
