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
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.messaging.EventPositions;
import cn.opengov.tracker.command.request.RequestCommandService;
import cn.opengov.tracker.command.request.RequestCommandService.Logged;
import cn.opengov.tracker.platform.security.AgencyScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The request's command endpoints, exactly as API.md writes them. */
@RestController
@RequestMapping("/api/requests")
public class RequestCommandController {

    public static final String POSITION_HEADER = "X-Event-Position";

    private final RequestCommandService service;
    private final EventPositions positions;
    private final AgencyScope scope;
    private final ObjectMapper json;

    public RequestCommandController(RequestCommandService service, EventPositions positions, AgencyScope scope,
                                    ObjectMapper json) {
        this.service = service;
        this.positions = positions;
        this.scope = scope;
        this.json = json;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> log(@Valid @RequestBody RequestBodies.NewRequest body,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key == null || key.isBlank()) {
            return created(service.log(UUID.randomUUID(), body, null));
        }
        if (key.length() > 200) {
            throw RuleViolation.ofField("Idempotency-Key", Rule.INVALID_VALUE, "Idempotency-Key 不能超过200个字符");
        }
        String user = scope.currentUser().username();
        UUID requestId = UUID.nameUUIDFromBytes(("idempotency:" + user + ":" + key).getBytes(StandardCharsets.UTF_8));
        String bodyHash = sha256(body);
        var earlier = service.earlierAnswer(requestId, bodyHash, key);
        if (earlier.isPresent()) {
            return created(earlier.get());
        }
        try {
            return created(service.log(requestId, body, bodyHash));
        } catch (ConcurrencyException | AggregateStreamCreationException raced) {
            // a retry with the same key won the race: answer what it answered
            return created(service.earlierAnswer(requestId, bodyHash, key).orElseThrow(() -> raced));
        }
    }

    @PostMapping("/{id}/correction-notice")
    public ResponseEntity<Map<String, Object>> correctionNotice(@PathVariable UUID id,
                                                                @Valid @RequestBody RequestBodies.CorrectionNotice body) {
        service.execute(id, closed -> new SendCorrectionNotice(id, body.noticeOn(), body.items().strip(), body.applicantDueOn()));
        return ok(id);
    }

    @PostMapping("/{id}/correction-received")
    public ResponseEntity<Map<String, Object>> correctionReceived(@PathVariable UUID id,
                                                                  @Valid @RequestBody RequestBodies.CorrectionReceived body) {
        service.execute(id, closed -> new ReceiveCorrection(id, body.receivedOn()));
        return ok(id);
    }

    @PostMapping("/{id}/extension")
    public ResponseEntity<Map<String, Object>> extension(@PathVariable UUID id,
                                                         @Valid @RequestBody RequestBodies.Extension body) {
        service.execute(id, closed -> new ExtendDeadline(id, body.approvedOn(), body.workingDays(), body.reason().strip()));
        return ok(id);
    }

    @PostMapping("/{id}/consultations")
    public ResponseEntity<Map<String, Object>> consultation(@PathVariable UUID id,
                                                            @Valid @RequestBody RequestBodies.Consultation body) {
        String consultationId = UUID.randomUUID().toString();
        service.execute(id, closed -> new StartConsultation(id, consultationId, body.kind(), body.party().strip(), body.sentOn()));
        return withPosition(HttpStatus.CREATED, id, Map.of("consultationId", consultationId));
    }

    @PostMapping("/{id}/consultations/{consultationId}/end")
    public ResponseEntity<Map<String, Object>> consultationEnd(@PathVariable UUID id, @PathVariable String consultationId,
                                                               @Valid @RequestBody RequestBodies.ConsultationEnd body) {
        service.execute(id, closed -> new EndConsultation(id, consultationId, body.endedOn()));
        return ok(id);
    }

    @PostMapping("/{id}/fee-notice")
    public ResponseEntity<Map<String, Object>> feeNotice(@PathVariable UUID id,
                                                         @Valid @RequestBody RequestBodies.FeeNotice body) {
        service.execute(id, closed -> new IssueFeeNotice(id, body.noticeOn(), body.amountYuan()));
        return ok(id);
    }

    @PostMapping("/{id}/fee-paid")
    public ResponseEntity<Map<String, Object>> feePaid(@PathVariable UUID id, @Valid @RequestBody RequestBodies.FeePaid body) {
        service.execute(id, closed -> new RecordFeePayment(id, body.paidOn()));
        return ok(id);
    }

    @PostMapping("/{id}/answer")
    public ResponseEntity<Map<String, Object>> answer(@PathVariable UUID id, @Valid @RequestBody RequestBodies.Answer body) {
        service.execute(id, closed -> new AnswerRequest(id, body.answeredOn(), body.outcome(), strip(body.note()), closed),
                body.answeredOn());
        return ok(id);
    }

    @PostMapping("/{id}/outcome-reclassification")
    public ResponseEntity<Map<String, Object>> reclassification(@PathVariable UUID id,
                                                                @Valid @RequestBody RequestBodies.Reclassification body) {
        service.execute(id, closed -> new ReclassifyOutcome(id, body.outcome(), body.reason().strip()));
        return ok(id);
    }

    @PostMapping("/{id}/applicant-type-correction")
    public ResponseEntity<Map<String, Object>> applicantType(@PathVariable UUID id,
                                                             @Valid @RequestBody RequestBodies.ApplicantTypeCorrection body) {
        service.execute(id, closed -> new CorrectApplicantType(id, body.type(), body.reason().strip()));
        return ok(id);
    }

    @PostMapping("/{id}/receipt-date-correction")
    public ResponseEntity<Map<String, Object>> receiptDate(@PathVariable UUID id,
                                                           @Valid @RequestBody RequestBodies.ReceiptDateCorrection body) {
        var request = service.requireVisible(id);
        service.execute(id, closed -> new CorrectReceiptDate(id, body.receivedOn(), body.reason().strip(), closed),
                body.receivedOn(), request.receivedOn());
        return ok(id);
    }

    @PostMapping("/{id}/reconsiderations")
    public ResponseEntity<Map<String, Object>> reconsideration(@PathVariable UUID id,
                                                               @Valid @RequestBody RequestBodies.Reconsideration body) {
        String caseId = UUID.randomUUID().toString();
        service.execute(id, closed -> new FileReconsideration(id, caseId, body.filedOn()));
        return withPosition(HttpStatus.CREATED, id, Map.of("caseId", caseId));
    }

    @PostMapping("/{id}/lawsuits")
    public ResponseEntity<Map<String, Object>> lawsuit(@PathVariable UUID id, @Valid @RequestBody RequestBodies.Lawsuit body) {
        String caseId = UUID.randomUUID().toString();
        service.execute(id, closed -> new FileLawsuit(id, caseId, body.filedOn(), body.afterReconsideration()));
        return withPosition(HttpStatus.CREATED, id, Map.of("caseId", caseId));
    }

    @PostMapping("/{id}/cases/{caseId}/decision")
    public ResponseEntity<Map<String, Object>> decision(@PathVariable UUID id, @PathVariable String caseId,
                                                        @Valid @RequestBody RequestBodies.Decision body) {
        service.execute(id, closed -> new DecideCase(id, caseId, body.decidedOn(), body.result()));
        return ok(id);
    }

    private ResponseEntity<Map<String, Object>> created(Logged logged) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", logged.requestId());
        body.put("trackingNo", logged.trackingNo());
        return ResponseEntity.created(URI.create("/api/requests/" + logged.requestId()))
                .header(POSITION_HEADER, String.valueOf(positions.lastOf(logged.requestId().toString())))
                .body(body);
    }

    private ResponseEntity<Map<String, Object>> ok(UUID id) {
        return withPosition(HttpStatus.OK, id, Map.of());
    }

    private ResponseEntity<Map<String, Object>> withPosition(HttpStatus status, UUID id, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", id);
        body.putAll(extra);
        return ResponseEntity.status(status).header(POSITION_HEADER, String.valueOf(positions.lastOf(id.toString()))).body(body);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private String sha256(Object body) {
        try {
            byte[] canonical = json.writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
