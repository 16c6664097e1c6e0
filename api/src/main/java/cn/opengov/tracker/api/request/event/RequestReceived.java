package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;

import java.time.LocalDate;
import java.util.UUID;

/** A request was logged (SPEC §2). */
public record RequestReceived(UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel, Applicant applicant, String description) implements RequestEvent {

    @Override
    public String label() {
        return "收到申请";
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }
}
