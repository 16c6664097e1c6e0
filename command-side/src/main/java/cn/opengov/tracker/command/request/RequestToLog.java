package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.DeliveryForm;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A new request as staff enter it, before it is checked and numbered. Its JSON is that of the body of
 * POST /api/requests, field for field: an Idempotency-Key's body hash is taken of it. {@code deliveryForm} is left out
 * of the JSON when not given, so a body without it hashes as it did before the field existed.
 */
public record RequestToLog(String agencyCode, LocalDate receivedOn, Channel channel, Applicant applicant,
                           String description, @JsonInclude(JsonInclude.Include.NON_NULL) DeliveryForm deliveryForm) {

    public RequestToLog(String agencyCode, LocalDate receivedOn, Channel channel, Applicant applicant, String description) {
        this(agencyCode, receivedOn, channel, applicant, description, null);
    }
}
