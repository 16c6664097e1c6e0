package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Log a new request as it arrived. {@code closedThrough}: the agency's last closed year, if any, so that a late
 * entry dated into a closed year is carried over at once (SPEC §4).
 */
public record LogRequest(@TargetAggregateIdentifier UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel, Applicant applicant, String description, Integer closedThrough) {
}
