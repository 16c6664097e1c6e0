package cn.opengov.tracker.command.request.web;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.command.request.RequestToLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The JSON bodies of the command endpoints (API.md), checked before anything is dispatched. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public record NewRequest(@NotBlank @Size(max = 40) String agencyCode,
                             @NotNull LocalDate receivedOn,
                             @NotNull Channel channel,
                             @NotNull @Valid ApplicantBody applicant,
                             @NotBlank @Size(max = 4000) String description) {

        /** The request to log, its JSON the same as this body's. */
        public RequestToLog toRequest() {
            return new RequestToLog(agencyCode, receivedOn, channel, new Applicant(applicant.type(), applicant.name(),
                    applicant.idNumber(), applicant.phone(), applicant.email(), applicant.address()), description);
        }
    }

    public record ApplicantBody(@NotNull ApplicantType type,
                                @NotBlank @Size(max = 200) String name,
                                @Size(max = 40) String idNumber,
                                @Size(max = 40) String phone,
                                @Email @Size(max = 200) String email,
                                @Size(max = 500) String address) {
    }

    public record CorrectionNotice(@NotNull LocalDate noticeOn, @NotBlank @Size(max = 4000) String items,
                                   @NotNull LocalDate applicantDueOn) {
    }

    public record CorrectionReceived(@NotNull LocalDate receivedOn) {
    }

    public record Extension(@NotNull LocalDate approvedOn, @NotNull Integer workingDays,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Consultation(@NotNull ConsultationKind kind, @NotBlank @Size(max = 200) String party,
                               @NotNull LocalDate sentOn) {
    }

    public record ConsultationEnd(@NotNull LocalDate endedOn) {
    }

    public record FeeNotice(@NotNull LocalDate noticeOn,
                            @NotNull @Digits(integer = 9, fraction = 2) BigDecimal amountYuan) {
    }

    public record FeePaid(@NotNull LocalDate paidOn) {
    }

    public record Answer(@NotNull LocalDate answeredOn, @NotNull OutcomeCategory outcome,
                         @Size(max = 4000) String note) {
    }

    public record Reclassification(@NotNull OutcomeCategory outcome, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ApplicantTypeCorrection(@NotNull ApplicantType type, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ReceiptDateCorrection(@NotNull LocalDate receivedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Reconsideration(@NotNull LocalDate filedOn) {
    }

    public record Lawsuit(@NotNull LocalDate filedOn, @NotNull Boolean afterReconsideration) {
    }

    public record Decision(@NotNull LocalDate decidedOn, @NotNull CaseResult result) {
    }
}
