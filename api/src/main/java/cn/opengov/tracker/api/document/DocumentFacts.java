package cn.opengov.tracker.api.document;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.state.Deferral;
import cn.opengov.tracker.api.request.state.RequestState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a written notice may state about a request: its {@link RequestState} — the one fold of its events, by
 * their latest corrected data — and the few words only a notice prints (what to correct, why the extension, the
 * answer's note), with the notices issued so far. {@code version} is the sequence number of the last event folded,
 * so that issuing a notice can insist that nothing was recorded after the facts it prints. Immutable.
 */
public record DocumentFacts(RequestState state, String correctionItems, String extensionReason, String answerNote,
                            List<DocumentIssued> documents, long version) {

    public DocumentFacts {
        documents = List.copyOf(documents);
    }

    /** The 补正通知 as recorded. */
    public record CorrectionNotice(LocalDate noticeOn, String items, LocalDate applicantDueOn) {
    }

    /** The 延期 as recorded; {@code approvedBy} null in events from before it was asked. */
    public record Extension(LocalDate approvedOn, int workingDays, String reason, String approvedBy) {
    }

    /** A 征求意见: whom, how, when sent, delivered (null when not known) and ended (null while open). */
    public record Consultation(String consultationId, ConsultationKind kind, String party, LocalDate sentOn,
                               LocalDate deliveredOn, LocalDate endedOn) {
    }

    /** The 收费通知 as recorded; {@code deliveredOn} and {@code basis} null in events from before they were asked. */
    public record Fee(LocalDate noticeOn, BigDecimal amountYuan, LocalDate deliveredOn, FeeBasis basis, LocalDate paidOn) {
    }

    /** The 答复 as recorded. */
    public record Answer(LocalDate answeredOn, String note) {
    }

    /** The facts of a request from its first event. */
    public static DocumentFacts of(RequestReceived e, long sequence) {
        return new DocumentFacts(RequestState.received(e), null, null, null, List.of(), sequence);
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
        String items = event instanceof CorrectionRequested e ? e.items() : correctionItems;
        String reason = event instanceof DeadlineExtended e ? e.reason() : extensionReason;
        String note = event instanceof RequestAnswered e ? e.note() : answerNote;
        List<DocumentIssued> issued = documents;
        if (event instanceof DocumentIssued e) {
            issued = new ArrayList<>(documents);
            issued.add(e);
        }
        return new DocumentFacts(state.apply(event), items, reason, note, issued, sequence);
    }

    public UUID requestId() {
        return state.requestId();
    }

    public String agencyCode() {
        return state.agencyCode();
    }

    public String trackingNo() {
        return state.trackingNo();
    }

    public Channel channel() {
        return state.channel();
    }

    public String description() {
        return state.description();
    }

    /** How the applicant asked to be given the information, or null when not stated. */
    public DeliveryForm deliveryForm() {
        return state.handling().deliveryForm();
    }

    /** The applicant as recorded, with the latest corrected type. */
    public Applicant applicant() {
        return state.applicant();
    }

    /** The latest corrected date of receipt. */
    public LocalDate receivedOn() {
        return state.receivedOn();
    }

    public RequestTimeline timeline() {
        return state.timeline();
    }

    /** The latest outcome, reclassifications included; null before the answer. */
    public OutcomeCategory outcome() {
        return state.outcome();
    }

    public CorrectionNotice correctionNotice() {
        RequestTimeline t = timeline();
        return t.hasCorrectionNotice() ? new CorrectionNotice(t.correctionNoticeOn(), correctionItems, t.correctionApplicantDueOn()) : null;
    }

    public LocalDate correctionReceivedOn() {
        return timeline().correctionReceivedOn();
    }

    public Extension extension() {
        RequestTimeline t = timeline();
        return t.extensionApprovedOn() == null ? null
                : new Extension(t.extensionApprovedOn(), t.extensionDays(), extensionReason, state.handling().extensionApprovedBy());
    }

    /** The consultations in the order they were sent. */
    public List<Consultation> consultations() {
        List<Consultation> out = new ArrayList<>();
        for (Pause p : timeline().pauses()) {
            if (p.kind() == Pause.Kind.CONSULTATION) {
                var recorded = state.handling().consultation(p.id());
                out.add(new Consultation(p.id(), recorded == null ? null : recorded.kind(), recorded == null ? null : recorded.party(),
                        p.from(), recorded == null ? null : recorded.deliveredOn(), p.to()));
            }
        }
        return out;
    }

    public Optional<Consultation> consultation(String consultationId) {
        return consultations().stream().filter(c -> c.consultationId().equals(consultationId)).findFirst();
    }

    public Fee feeNotice() {
        Optional<Pause> pause = timeline().feePause();
        var recorded = state.handling().feeNotice();
        if (pause.isEmpty() || recorded == null) {
            return null;
        }
        return new Fee(pause.get().from(), recorded.amountYuan(), recorded.deliveredOn(), recorded.basis(), pause.get().to());
    }

    public Deferral deferral() {
        return state.handling().deferral();
    }

    public Answer answer() {
        return timeline().isAnswered() ? new Answer(timeline().answeredOn(), answerNote) : null;
    }

    /** The notice of this kind and subject issued last, which a new one supersedes. */
    public Optional<DocumentIssued> lastIssued(DocumentKind kind, String subjectId) {
        DocumentIssued last = null;
        for (DocumentIssued d : documents) {
            if (d.kind() == kind && Objects.equals(d.subjectId(), subjectId)) {
                last = d;
            }
        }
        return Optional.ofNullable(last);
    }
}
