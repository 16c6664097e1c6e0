package cn.opengov.tracker.command.request.web;

import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.CorrectApplicantType;
import cn.opengov.tracker.api.request.command.CorrectReceiptDate;
import cn.opengov.tracker.api.request.command.DecideCase;
import cn.opengov.tracker.api.request.command.EndConsultation;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.command.FileLawsuit;
import cn.opengov.tracker.api.request.command.FileReconsideration;
import cn.opengov.tracker.api.request.command.IssueFeeNotice;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.ReclassifyOutcome;
import cn.opengov.tracker.api.request.command.RecordFeePayment;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.command.StartConsultation;
import cn.opengov.tracker.command.messaging.EventPositions;
import cn.opengov.tracker.command.request.RequestCommandService;
import cn.opengov.tracker.command.request.RequestIntake;
import cn.opengov.tracker.command.request.RequestIntake.Logged;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The request's command endpoints, exactly as API.md writes them. */
@RestController
@RequestMapping("/api/requests")
public class RequestCommandController {

    public static final String POSITION_HEADER = "X-Event-Position";

    private final RequestIntake intake;
    private final RequestCommandService service;
    private final EventPositions positions;

    public RequestCommandController(RequestIntake intake, RequestCommandService service, EventPositions positions) {
        this.intake = intake;
        this.service = service;
        this.positions = positions;
    }

    @PostMapping
    public ResponseEntity<Logged> log(@Valid @RequestBody RequestBodies.NewRequest body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Logged logged = intake.log(body.toRequest(), key);
        return ResponseEntity.created(URI.create("/api/requests/" + logged.requestId()))
                .header(POSITION_HEADER, String.valueOf(positions.lastOf(logged.requestId().toString())))
                .body(logged);
    }

    @PostMapping("/{id}/correction-notice")
    public ResponseEntity<StepRecorded> correctionNotice(@PathVariable UUID id,
                                                                @Valid @RequestBody RequestBodies.CorrectionNotice body) {
        service.execute(id, closed -> new SendCorrectionNotice(id, body.noticeOn(), body.items().strip(), body.applicantDueOn()));
        return ok(id);
    }

    @PostMapping("/{id}/correction-received")
    public ResponseEntity<StepRecorded> correctionReceived(@PathVariable UUID id,
                                                                  @Valid @RequestBody RequestBodies.CorrectionReceived body) {
        service.execute(id, closed -> new ReceiveCorrection(id, body.receivedOn()));
        return ok(id);
    }

    @PostMapping("/{id}/extension")
    public ResponseEntity<StepRecorded> extension(@PathVariable UUID id,
                                                         @Valid @RequestBody RequestBodies.Extension body) {
        service.execute(id, closed -> new ExtendDeadline(id, body.approvedOn(), body.workingDays(), body.reason().strip()));
        return ok(id);
    }

    @PostMapping("/{id}/consultations")
    public ResponseEntity<ConsultationOpened> consultation(@PathVariable UUID id,
                                                            @Valid @RequestBody RequestBodies.Consultation body) {
        String consultationId = UUID.randomUUID().toString();
        service.execute(id, closed -> new StartConsultation(id, consultationId, body.kind(), body.party().strip(), body.sentOn()));
        return withPosition(HttpStatus.CREATED, id, new ConsultationOpened(id, consultationId));
    }

    @PostMapping("/{id}/consultations/{consultationId}/end")
    public ResponseEntity<StepRecorded> consultationEnd(@PathVariable UUID id, @PathVariable String consultationId,
                                                               @Valid @RequestBody RequestBodies.ConsultationEnd body) {
        service.execute(id, closed -> new EndConsultation(id, consultationId, body.endedOn()));
        return ok(id);
    }

    @PostMapping("/{id}/fee-notice")
    public ResponseEntity<StepRecorded> feeNotice(@PathVariable UUID id,
                                                         @Valid @RequestBody RequestBodies.FeeNotice body) {
        service.execute(id, closed -> new IssueFeeNotice(id, body.noticeOn(), body.amountYuan()));
        return ok(id);
    }

    @PostMapping("/{id}/fee-paid")
    public ResponseEntity<StepRecorded> feePaid(@PathVariable UUID id, @Valid @RequestBody RequestBodies.FeePaid body) {
        service.execute(id, closed -> new RecordFeePayment(id, body.paidOn()));
        return ok(id);
    }

    @PostMapping("/{id}/answer")
    public ResponseEntity<StepRecorded> answer(@PathVariable UUID id, @Valid @RequestBody RequestBodies.Answer body) {
        service.execute(id, closed -> new AnswerRequest(id, body.answeredOn(), body.outcome(), strip(body.note()), closed),
                body.answeredOn());
        return ok(id);
    }

    @PostMapping("/{id}/outcome-reclassification")
    public ResponseEntity<StepRecorded> reclassification(@PathVariable UUID id,
                                                                @Valid @RequestBody RequestBodies.Reclassification body) {
        service.execute(id, closed -> new ReclassifyOutcome(id, body.outcome(), body.reason().strip()));
        return ok(id);
    }

    @PostMapping("/{id}/applicant-type-correction")
    public ResponseEntity<StepRecorded> applicantType(@PathVariable UUID id,
                                                             @Valid @RequestBody RequestBodies.ApplicantTypeCorrection body) {
        service.execute(id, closed -> new CorrectApplicantType(id, body.type(), body.reason().strip()));
        return ok(id);
    }

    @PostMapping("/{id}/receipt-date-correction")
    public ResponseEntity<StepRecorded> receiptDate(@PathVariable UUID id,
                                                           @Valid @RequestBody RequestBodies.ReceiptDateCorrection body) {
        var request = service.requireVisible(id);
        service.execute(id, closed -> new CorrectReceiptDate(id, body.receivedOn(), body.reason().strip(), closed),
                body.receivedOn(), request.receivedOn());
        return ok(id);
    }

    @PostMapping("/{id}/reconsiderations")
    public ResponseEntity<CaseOpened> reconsideration(@PathVariable UUID id,
                                                               @Valid @RequestBody RequestBodies.Reconsideration body) {
        String caseId = UUID.randomUUID().toString();
        service.execute(id, closed -> new FileReconsideration(id, caseId, body.filedOn()));
        return withPosition(HttpStatus.CREATED, id, new CaseOpened(id, caseId));
    }

    @PostMapping("/{id}/lawsuits")
    public ResponseEntity<CaseOpened> lawsuit(@PathVariable UUID id, @Valid @RequestBody RequestBodies.Lawsuit body) {
        String caseId = UUID.randomUUID().toString();
        service.execute(id, closed -> new FileLawsuit(id, caseId, body.filedOn(), body.afterReconsideration()));
        return withPosition(HttpStatus.CREATED, id, new CaseOpened(id, caseId));
    }

    @PostMapping("/{id}/cases/{caseId}/decision")
    public ResponseEntity<StepRecorded> decision(@PathVariable UUID id, @PathVariable String caseId,
                                                        @Valid @RequestBody RequestBodies.Decision body) {
        service.execute(id, closed -> new DecideCase(id, caseId, body.decidedOn(), body.result()));
        return ok(id);
    }

    private ResponseEntity<StepRecorded> ok(UUID id) {
        return withPosition(HttpStatus.OK, id, new StepRecorded(id));
    }

    private <T> ResponseEntity<T> withPosition(HttpStatus status, UUID id, T body) {
        return ResponseEntity.status(status).header(POSITION_HEADER, String.valueOf(positions.lastOf(id.toString()))).body(body);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** A step recorded on the request. */
    public record StepRecorded(UUID requestId) {
    }

    /** A consultation started, with the id its end is recorded under. */
    public record ConsultationOpened(UUID requestId, String consultationId) {
    }

    /** A reconsideration or lawsuit filed, with the id its decision is recorded under. */
    public record CaseOpened(UUID requestId, String caseId) {
    }
}
