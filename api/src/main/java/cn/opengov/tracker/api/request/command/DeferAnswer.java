package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 延迟答复 (条例第三十五条): the number or frequency of the applicant's requests clearly exceeds a reasonable range and
 * the agency cannot answer within the 第三十三条 limit, so it sets a later, reasonable due date and tells the applicant.
 */
public record DeferAnswer(@TargetAggregateIdentifier UUID requestId, LocalDate decidedOn, LocalDate dueOn, String reason) {
}
