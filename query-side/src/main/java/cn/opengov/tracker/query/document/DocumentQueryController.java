package cn.opengov.tracker.query.document;

import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The written notices of a request (API.md): the list, and each notice's PDF and .docx exactly as issued — the
 * bytes kept when it was issued, whose SHA-256 the {@code DocumentIssued} event recorded and every download
 * carries ({@code ETag}, {@code Repr-Digest}). Within the user's agency tree, like every read of a request.
 */
@RestController
public class DocumentQueryController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final IssuedDocuments documents;
    private final AgencyScope scope;

    public DocumentQueryController(IssuedDocuments documents, AgencyScope scope) {
        this.documents = documents;
        this.scope = scope;
    }

    @GetMapping("/api/requests/{id}/documents")
    public IssuedDocuments.DocumentList list(@PathVariable UUID id) {
        return documents.list(id, scope::canSee).orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, id));
    }

    @GetMapping("/api/documents/{documentId}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable UUID documentId) {
        return download(documentId, true);
    }

    @GetMapping("/api/documents/{documentId}.docx")
    public ResponseEntity<byte[]> docx(@PathVariable UUID documentId) {
        return download(documentId, false);
    }

    @GetMapping("/api/agencies/{code}/letterhead")
    public Letterhead letterhead(@PathVariable String code) {
        scope.requireWithin(code);
        return documents.letterhead(code).orElseThrow(() -> new RuleViolation(Rule.LETTERHEAD_NOT_SET, code));
    }

    private ResponseEntity<byte[]> download(UUID documentId, boolean pdf) {
        IssuedDocuments.DocumentFile file = documents.file(documentId, pdf).filter(f -> scope.canSee(f.agencyCode()))
                .orElseThrow(() -> new RuleViolation(Rule.DOCUMENT_NOT_FOUND, documentId));
        String name = file.kind().label() + "-" + file.number() + (pdf ? ".pdf" : ".docx");
        ContentDisposition disposition = (pdf ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .eTag("\"" + file.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(file.bytes());
    }
}
