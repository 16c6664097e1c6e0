package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record an administrative lawsuit (行政诉讼), direct or after reconsideration. */
public record FileLawsuit(@TargetAggregateIdentifier UUID requestId, String caseId, LocalDate filedOn, boolean afterReconsideration) {
}
