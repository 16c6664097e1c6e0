package cn.opengov.tracker.query.document;

import cn.opengov.tracker.api.document.DocumentFacts;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.document.DocumentPolicy;
import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.platform.directory.Letterheads;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the notices the command side issued: their rows in {@code issued_document} (written in the same
 * transaction as their events, so never behind them), the bytes of one, an agency's letterhead, and a request's
 * facts folded from its own events — what decides which notices it can have.
 */
@Component
public class IssuedDocuments {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final Letterheads letterheads;

    public IssuedDocuments(JdbcTemplate jdbc, EventStore events, Letterheads letterheads) {
        this.jdbc = jdbc;
        this.events = events;
        this.letterheads = letterheads;
    }

    /** One issued notice as listed (API.md: documentId, kind, number, issuedOn, issuedBy, sha256, and more). */
    public record DocumentItem(UUID documentId, DocumentKind kind, String kindLabel, String number, LocalDate datedOn,
                               LocalDate issuedOn, OffsetDateTime issuedAt, String issuedBy, String sha256,
                               String docxSha256, String subjectId, UUID supersedes, boolean superseded) {
    }

    /** A notice's file: what to call it and its bytes. */
    public record DocumentFile(UUID documentId, UUID requestId, String agencyCode, DocumentKind kind, String number,
                               byte[] bytes, String sha256) {
    }

    public List<DocumentItem> ofRequest(UUID requestId) {
        return jdbc.query("""
                SELECT d.document_id, d.kind, d.number, d.dated_on, d.issued_at, d.issued_by, d.pdf_sha256, d.docx_sha256,
                       d.subject_id, d.supersedes,
                       EXISTS (SELECT 1 FROM issued_document later WHERE later.supersedes = d.document_id) AS superseded
                FROM issued_document d WHERE d.request_id = ? ORDER BY d.issued_at, d.number""",
                (rs, i) -> {
                    DocumentKind kind = DocumentKind.valueOf(rs.getString(2));
                    OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
                    return new DocumentItem(rs.getObject(1, UUID.class), kind, kind.label(), rs.getString(3),
                            rs.getObject(4, LocalDate.class), at.atZoneSameInstant(CHINA).toLocalDate(), at, rs.getString(6),
                            rs.getString(7).strip(), rs.getString(8).strip(), rs.getString(9), rs.getObject(10, UUID.class),
                            rs.getBoolean(11));
                }, requestId);
    }

    /**
     * A request's notices for a user who may see agencies by {@code visible}: {@code items} as API.md lists them;
     * {@code offers} (an addition): the notices its recorded steps allow now; {@code letterheadSet}: whether its
     * agency has set what the notices print. Empty for an unknown request or one out of sight.
     */
    public Optional<DocumentList> list(UUID requestId, java.util.function.Predicate<String> visible) {
        return facts(requestId).filter(f -> visible.test(f.agencyCode()))
                .map(f -> new DocumentList(ofRequest(requestId), DocumentPolicy.offers(f), letterhead(f.agencyCode()).isPresent()));
    }

    /** The answer of {@code GET /api/requests/{id}/documents}. */
    public record DocumentList(List<DocumentItem> items, List<DocumentPolicy.Offer> offers, boolean letterheadSet) {
    }

    /** The PDF or the .docx of a notice. */
    public Optional<DocumentFile> file(UUID documentId, boolean pdf) {
        String bytes = pdf ? "pdf" : "docx";
        return jdbc.query("SELECT document_id, request_id, agency_code, kind, number, " + bytes + ", " + bytes + "_sha256 "
                        + "FROM issued_document WHERE document_id = ?",
                (rs, i) -> new DocumentFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        DocumentKind.valueOf(rs.getString(4)), rs.getString(5), rs.getBytes(6), rs.getString(7).strip()),
                documentId).stream().findFirst();
    }

    public Optional<Letterhead> letterhead(String agencyCode) {
        return letterheads.find(agencyCode);
    }

    /** The request's facts from its own events, or empty for an unknown request. */
    public Optional<DocumentFacts> facts(UUID requestId) {
        DomainEventStream stream = events.readEvents(requestId.toString());
        DocumentFacts facts = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            facts = DocumentFacts.next(facts, message.getPayload(), message.getSequenceNumber());
        }
        return Optional.ofNullable(facts);
    }
}
