package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.DeliveryForm;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A request was logged (SPEC §2). {@code deliveryForm}: how the applicant asks to be given the information
 * (条例第二十九条), null when not stated and in events recorded before it was asked.
 */
public record RequestReceived(UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel,
                              Applicant applicant, String description, DeliveryForm deliveryForm) implements RequestEvent {

    public RequestReceived(UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel,
                           Applicant applicant, String description) {
        this(requestId, trackingNo, agencyCode, receivedOn, channel, applicant, description, null);
    }

    @Override
    public String label() {
        return "收到申请";
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }
}
