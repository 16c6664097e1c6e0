package cn.opengov.tracker.command.document.web;

import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.command.document.DocumentIssuer;
import cn.opengov.tracker.command.document.render.PdfWriter;
import cn.opengov.tracker.platform.web.Problems;
import org.springframework.http.HttpStatus;
import cn.opengov.tracker.command.messaging.EventPositions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** {@code POST /api/requests/{id}/documents} (API.md): issue a written notice of the request. */
@RestController
public class DocumentController {

    private final DocumentIssuer issuer;
    private final EventPositions positions;

    public DocumentController(DocumentIssuer issuer, EventPositions positions) {
        this.issuer = issuer;
        this.positions = positions;
    }

    /** {@code consultationId}: which consultation a 征求意见书 is for (an addition to API.md); the latest without it. */
    public record IssueBody(@NotNull DocumentKind kind, @Size(max = 80) String consultationId) {
    }

    /** The notice issued: its id, number, date and the SHA-256 of its PDF and .docx. */
    public record IssuedBody(UUID documentId, String number, DocumentKind kind, LocalDate datedOn, String sha256,
                             String docxSha256) {
    }

    /** No Chinese font installed: nothing the client sent is wrong, and nothing was recorded. */
    @org.springframework.web.bind.annotation.ExceptionHandler(PdfWriter.FontMissing.class)
    ResponseEntity<Object> fontMissing(PdfWriter.FontMissing e) {
        return Problems.entity(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "；未作任何记录"));
    }

    @PostMapping("/api/requests/{id}/documents")
    public ResponseEntity<IssuedBody> issue(@PathVariable UUID id, @Valid @RequestBody IssueBody body) {
        String consultation = body.consultationId() == null || body.consultationId().isBlank() ? null : body.consultationId().strip();
        DocumentIssuer.Issued issued = issuer.issue(id, body.kind(), consultation);
        return ResponseEntity.created(URI.create("/api/documents/" + issued.documentId() + ".pdf"))
                .header("X-Event-Position", String.valueOf(positions.lastOf(id.toString())))
                .body(new IssuedBody(issued.documentId(), issued.number(), issued.kind(), issued.datedOn(), issued.sha256(),
                        issued.docxSha256()));
    }
}
