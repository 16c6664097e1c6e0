package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Extend the answer deadline once, by 1–20 working days (条例第三十三条). */
public record ExtendDeadline(@TargetAggregateIdentifier UUID requestId, LocalDate approvedOn, int workingDays, String reason) {
}
