package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** At year close: carry the request to the next year if it was open on 31 December of {@code fromYear}. */
public record CarryOverRequest(@TargetAggregateIdentifier UUID requestId, int fromYear) {
}
