package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Fix a data-entry mistake in the date of receipt. */
public record CorrectReceiptDate(@TargetAggregateIdentifier UUID requestId, LocalDate receivedOn, String reason, Integer closedThrough) {
}
