package cn.opengov.tracker.command.request.web;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.command.request.RequestToLog;
import com.fasterxml.jackson.annotation.JsonInclude;
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
                             @NotBlank @Size(max = 4000) String description,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DeliveryForm deliveryForm) {

        /** The request to log, its JSON the same as this body's. */
        public RequestToLog toRequest() {
            return new RequestToLog(agencyCode, receivedOn, channel, new Applicant(applicant.type(), applicant.name(),
                    applicant.idNumber(), applicant.phone(), applicant.email(), applicant.address()), description,
                    deliveryForm);
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

    /** {@code approvedBy}: optional here for old clients (the pages require it); the detail flags its absence. */
    public record Extension(@NotNull LocalDate approvedOn, @NotNull Integer workingDays,
                            @NotBlank @Size(max = 2000) String reason, @Size(max = 200) String approvedBy) {
    }

    public record Consultation(@NotNull ConsultationKind kind, @NotBlank @Size(max = 200) String party,
                               @NotNull LocalDate sentOn, LocalDate deliveredOn) {
    }

    public record ConsultationEnd(@NotNull LocalDate endedOn) {
    }

    /**
     * {@code quantity}: with a basis, the 件数 of this application (按件, default 1) or its 页数 (按量, required);
     * {@code overrideReason}: why the amount differs from what 109号's tiers give.
     */
    public record FeeNotice(@NotNull LocalDate noticeOn,
                            @NotNull @Digits(integer = 9, fraction = 2) BigDecimal amountYuan,
                            LocalDate deliveredOn, FeeBasis basis, Integer quantity,
                            @Size(max = 2000) String overrideReason) {
    }

    public record AnswerDeferral(@NotNull LocalDate decidedOn, @NotNull LocalDate dueOn,
                                 @NotBlank @Size(max = 2000) String reason) {
    }

    public record Assignment(@NotBlank @Size(max = 100) String username) {
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
