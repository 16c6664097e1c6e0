package cn.opengov.tracker.api.document;

import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a written notice may state about a request, folded from its events and from nothing else: the
 * latest corrected receipt date, applicant type and outcome, each step as recorded, and the notices issued so
 * far. {@code version} is the sequence number of the last event folded, so that issuing a notice can insist that
 * nothing was recorded after the facts it prints. Immutable, like {@link RequestTimeline}, which it carries for
 * the deadlines.
 */
public record DocumentFacts(RequestReceived received,
                            LocalDate receivedOn,
                            ApplicantType applicantType,
                            RequestTimeline timeline,
                            CorrectionRequested correctionNotice,
                            LocalDate correctionReceivedOn,
                            DeadlineExtended extension,
                            List<Consultation> consultations,
                            FeeNoticeIssued feeNotice,
                            LocalDate feePaidOn,
                            AnswerDeferred deferral,
                            RequestAnswered answer,
                            OutcomeCategory outcome,
                            List<DocumentIssued> documents,
                            long version) {

    public DocumentFacts {
        consultations = List.copyOf(consultations);
        documents = List.copyOf(documents);
    }

    /** A 征求意见 as recorded: whom, how, when sent, delivered (null when not known) and ended (null while open). */
    public record Consultation(String consultationId, ConsultationKind kind, String party, LocalDate sentOn,
                               LocalDate deliveredOn, LocalDate endedOn) {
    }

    /** The facts of a request from its first event. */
    public static DocumentFacts of(RequestReceived e, long sequence) {
        return new DocumentFacts(e, e.receivedOn(), e.applicant().type(), RequestTimeline.receivedOn(e.receivedOn()),
                null, null, null, List.of(), null, null, null, null, null, List.of(), sequence);
    }

    /**
     * One step of folding a request's stream: its first {@code RequestReceived} starts the facts, each later request
     * event adds to them; anything else leaves them as they are (null before the stream's first event).
     */
    public static DocumentFacts next(DocumentFacts facts, Object payload, long sequence) {
        if (facts == null) {
            return payload instanceof RequestReceived received ? of(received, sequence) : null;
        }
        return payload instanceof RequestEvent event ? facts.apply(event, sequence) : facts;
    }

    /** The facts after one more event of the request, recorded at {@code sequence}. */
    public DocumentFacts apply(RequestEvent event, long sequence) {
        if (event instanceof RequestReceived e) {
            return of(e, sequence);
        }
        RequestTimeline t = timeline.apply(event);
        LocalDate receipt = receivedOn;
        ApplicantType type = applicantType;
        CorrectionRequested notice = correctionNotice;
        LocalDate correctionIn = correctionReceivedOn;
        DeadlineExtended extended = extension;
        List<Consultation> consulted = consultations;
        FeeNoticeIssued fee = feeNotice;
        LocalDate paid = feePaidOn;
        AnswerDeferred deferred = deferral;
        RequestAnswered answered = answer;
        OutcomeCategory result = outcome;
        List<DocumentIssued> issued = documents;
        if (event instanceof ReceiptDateCorrected e) {
            receipt = e.receivedOn();
        } else if (event instanceof ApplicantTypeCorrected e) {
            type = e.type();
        } else if (event instanceof CorrectionRequested e) {
            notice = e;
        } else if (event instanceof CorrectionReceived e) {
            correctionIn = e.receivedOn();
        } else if (event instanceof DeadlineExtended e) {
            extended = e;
        } else if (event instanceof ConsultationStarted e) {
            consulted = with(consultations, new Consultation(e.consultationId(), e.kind(), e.party(), e.sentOn(),
                    e.deliveredOn(), null));
        } else if (event instanceof ConsultationEnded e) {
            consulted = consultations.stream().map(c -> c.consultationId().equals(e.consultationId())
                    ? new Consultation(c.consultationId(), c.kind(), c.party(), c.sentOn(), c.deliveredOn(), e.endedOn())
                    : c).toList();
        } else if (event instanceof FeeNoticeIssued e) {
            fee = e;
        } else if (event instanceof FeePaid e) {
            paid = e.paidOn();
        } else if (event instanceof AnswerDeferred e) {
            deferred = e;
        } else if (event instanceof RequestAnswered e) {
            answered = e;
            result = e.outcome();
        } else if (event instanceof OutcomeReclassified e) {
            result = e.outcome();
        } else if (event instanceof DocumentIssued e) {
            issued = with(documents, e);
        }
        return new DocumentFacts(received, receipt, type, t, notice, correctionIn, extended, consulted, fee, paid,
                deferred, answered, result, issued, sequence);
    }

    public UUID requestId() {
        return received.requestId();
    }

    public String agencyCode() {
        return received.agencyCode();
    }

    public String trackingNo() {
        return received.trackingNo();
    }

    /** The applicant as recorded, with the latest corrected type. */
    public Applicant applicant() {
        return received.applicant().withType(applicantType);
    }

    public Optional<Consultation> consultation(String consultationId) {
        return consultations.stream().filter(c -> c.consultationId().equals(consultationId)).findFirst();
    }

    /** The notice of this kind and subject issued last, which a new one supersedes. */
    public Optional<DocumentIssued> lastIssued(DocumentKind kind, String subjectId) {
        DocumentIssued last = null;
        for (DocumentIssued d : documents) {
            if (d.kind() == kind && java.util.Objects.equals(d.subjectId(), subjectId)) {
                last = d;
            }
        }
        return Optional.ofNullable(last);
    }

    private static <T> List<T> with(List<T> list, T item) {
        List<T> changed = new ArrayList<>(list);
        changed.add(item);
        return changed;
    }
}
