package cn.opengov.tracker.query.application;

import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.DeliveryForm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One online application in an agency's inbox ({@code GET /api/applications}): what the applicant sent and how
 * long it has waited ({@code ageDays}, calendar days since it was submitted). ID numbers are masked as in lists.
 */
public record InboxItem(UUID applicationId, String applicationNo, String agencyCode, String agencyName, String status,
                        String statusLabel, ApplicantType applicantType, String applicantTypeLabel, String applicantName,
                        String idNumber, String phone, String email, String address, String description,
                        DeliveryForm deliveryForm, String deliveryFormLabel, Instant submittedAt, LocalDate submittedOn,
                        long ageDays, Instant decidedAt, String decidedBy, String rejectReason, UUID requestId,
                        String trackingNo) {
}
