package cn.opengov.tracker.command.application.web;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.command.application.ApplicationToSubmit;
import cn.opengov.tracker.command.request.web.RequestBodies.ApplicantBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The JSON bodies of the online application's endpoints (API.md); the applicant is checked as on the staff form. */
public final class ApplicationBodies {

    private ApplicationBodies() {
    }

    public record NewApplication(@NotBlank @Size(max = 40) String agencyCode,
                                 @NotNull @Valid ApplicantBody applicant,
                                 @NotBlank @Size(max = 4000) String description,
                                 DeliveryForm deliveryForm) {

        ApplicationToSubmit toApplication() {
            return new ApplicationToSubmit(agencyCode.strip(), new Applicant(applicant.type(), applicant.name(),
                    applicant.idNumber(), applicant.phone(), applicant.email(), applicant.address()), description,
                    deliveryForm);
        }
    }

    /** {@code receivedOn}: the confirmation date (双方确认之日); today when left out. */
    public record Confirmation(LocalDate receivedOn) {
    }

    public record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }
}
