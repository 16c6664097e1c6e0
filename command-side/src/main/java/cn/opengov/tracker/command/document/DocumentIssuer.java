package cn.opengov.tracker.command.document;

import cn.opengov.tracker.api.document.DocumentFacts;
import cn.opengov.tracker.api.document.DocumentIssued;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.document.DocumentPolicy;
import cn.opengov.tracker.api.document.IssueDocument;
import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.document.render.NoticeRenderer;
import cn.opengov.tracker.command.document.wording.NoticeContent;
import cn.opengov.tracker.command.document.wording.NoticeWording;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Letterheads;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Issues a written notice (SPEC §2b) in one transaction: reads the request's events and folds them into the facts
 * a notice may state, refuses a notice whose step was not recorded, takes the next number, renders the .docx and
 * the PDF, records {@code DocumentIssued} on the request — which refuses if anything was recorded after the facts
 * read — and keeps both files byte for byte. A refusal at any point rolls everything back, the number included.
 */
@Service
public class DocumentIssuer {

    private final EventStore events;
    private final CommandGateway commands;
    private final RequestIndex requests;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final Letterheads letterheads;
    private final Templates templates;
    private final DocumentNumbers numbers;
    private final NoticeRenderer renderer;
    private final CalendarStore calendars;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DocumentIssuer(EventStore events, CommandGateway commands, RequestIndex requests, AgencyScope scope,
                          AgencyDirectory agencies, Letterheads letterheads, Templates templates, DocumentNumbers numbers,
                          NoticeRenderer renderer, CalendarStore calendars, JdbcTemplate jdbc, Clock clock) {
        this.events = events;
        this.commands = commands;
        this.requests = requests;
        this.scope = scope;
        this.agencies = agencies;
        this.letterheads = letterheads;
        this.templates = templates;
        this.numbers = numbers;
        this.renderer = renderer;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What issuing answers. */
    public record Issued(UUID documentId, DocumentKind kind, String number, String sha256, String docxSha256,
                         java.time.LocalDate datedOn) {
    }

    @Transactional
    public Issued issue(UUID requestId, DocumentKind kind, String consultationId) {
        String agencyCode = requests.find(requestId).filter(r -> scope.canSee(r.agencyCode()))
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId)).agencyCode();
        DocumentFacts facts = factsOf(requestId);
        DocumentPolicy.Subject subject = DocumentPolicy.subject(kind, facts, consultationId);
        Agency agency = agencies.require(agencyCode);
        Letterhead letterhead = letterheads.find(agencyCode).orElse(Letterhead.fallback(agencyCode, agency.name()));
        if (kind == DocumentKind.ANSWER && !letterhead.namesRemedies()) {
            throw new RuleViolation(Rule.LETTERHEAD_NEEDED, agency.name(), agencyCode);
        }
        int year = subject.datedOn().getYear();
        int sequence = numbers.next(agencyCode, kind, year);
        String number = kind.number(letterhead.docPrefix(), year, sequence);
        NoticeContent content = NoticeWording.of(subject, facts, letterhead, number, calendars.current());
        NoticeRenderer.Rendered rendered = renderer.render(templates.inForce(agency, kind).docx(), content, subject.datedOn());
        UUID documentId = UUID.randomUUID();
        UUID supersedes = facts.lastIssued(kind, subject.subjectId()).map(DocumentIssued::documentId).orElse(null);
        try {
            commands.sendAndWait(new IssueDocument(requestId, documentId, kind, number, rendered.pdfSha256(),
                    rendered.docxSha256(), subject.datedOn(), subject.subjectId(), supersedes, facts.version()));
        } catch (ConflictingAggregateVersionException stale) {
            // something was recorded on the request after its facts were read: the notice might state old facts
            throw new RuleViolation(Rule.CONCURRENT_CHANGE);
        }
        jdbc.update("""
                INSERT INTO issued_document (document_id, request_id, agency_code, kind, year, sequence, number, subject_id,
                    supersedes, dated_on, issued_at, issued_by, pdf, pdf_sha256, docx, docx_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                documentId, requestId, agencyCode, kind.name(), year, sequence, number, subject.subjectId(), supersedes,
                subject.datedOn(), Timestamp.from(clock.instant()), scope.currentUser().username(), rendered.pdf(),
                rendered.pdfSha256(), rendered.docx(), rendered.docxSha256());
        return new Issued(documentId, kind, number, rendered.pdfSha256(), rendered.docxSha256(), subject.datedOn());
    }

    /** The request's facts, folded from its own events as the event store holds them now. */
    private DocumentFacts factsOf(UUID requestId) {
        DomainEventStream stream = events.readEvents(requestId.toString());
        DocumentFacts facts = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            facts = DocumentFacts.next(facts, message.getPayload(), message.getSequenceNumber());
        }
        if (facts == null) {
            throw new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId);
        }
        return facts;
    }
}
