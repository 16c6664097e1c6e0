package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record that the corrected application arrived; the answer clock restarts from this date. */
public record ReceiveCorrection(@TargetAggregateIdentifier UUID requestId, LocalDate receivedOn) {
}
