package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.DeliveryForm;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Log a new request as it arrived. {@code closedThrough}: the agency's last closed year, if any, so that a late
 * entry dated into a closed year is carried over at once (SPEC §4). {@code deliveryForm}: the form the applicant
 * asks the information in (条例第二十九条第二款第三项), null when not stated.
 */
public record LogRequest(@TargetAggregateIdentifier UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn,
                         Channel channel, Applicant applicant, String description, Integer closedThrough,
                         DeliveryForm deliveryForm) {

    public LogRequest(UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel,
                      Applicant applicant, String description, Integer closedThrough) {
        this(requestId, trackingNo, agencyCode, receivedOn, channel, applicant, description, closedThrough, null);
    }
}
