package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record that the applicant paid the fee. */
public record RecordFeePayment(@TargetAggregateIdentifier UUID requestId, LocalDate paidOn) {
}
