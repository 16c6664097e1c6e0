package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.OutcomeCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Answer the request with exactly one outcome category. */
public record AnswerRequest(@TargetAggregateIdentifier UUID requestId, LocalDate answeredOn, OutcomeCategory outcome, String note, Integer closedThrough) {
}
