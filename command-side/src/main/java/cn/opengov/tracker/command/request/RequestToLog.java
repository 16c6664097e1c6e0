package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;

import java.time.LocalDate;

/**
 * A new request as staff enter it, before it is checked and numbered. Its JSON is that of the body of
 * POST /api/requests, field for field: an Idempotency-Key's body hash is taken of it.
 */
public record RequestToLog(String agencyCode, LocalDate receivedOn, Channel channel, Applicant applicant,
                           String description) {
}
