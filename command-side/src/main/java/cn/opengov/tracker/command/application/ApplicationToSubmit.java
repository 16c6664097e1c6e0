package cn.opengov.tracker.command.application;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.DeliveryForm;

/** What an applicant submits through the public page (API.md {@code POST /public/applications}), already parsed. */
public record ApplicationToSubmit(String agencyCode, Applicant applicant, String description, DeliveryForm deliveryForm) {
}
