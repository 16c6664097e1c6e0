package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dated steps of one request that its deadlines depend on. Immutable: every change returns a new timeline,
 * so the aggregate, the read models and the tests compute deadlines from the very same value. The rule set that
 * counts them follows from the date of receipt ({@link #ruleSet()}), so a corrected date of receipt moves it too.
 * {@code deferralDecidedOn}/{@code deferredDueOn}: a 延迟答复 (条例第三十五条), null when there is none.
 */
public record RequestTimeline(LocalDate receivedOn,
                              LocalDate correctionNoticeOn,
                              LocalDate correctionApplicantDueOn,
                              LocalDate correctionReceivedOn,
                              LocalDate extensionApprovedOn,
                              int extensionDays,
                              List<Pause> pauses,
                              LocalDate answeredOn,
                              LocalDate deferralDecidedOn,
                              LocalDate deferredDueOn) {

    public RequestTimeline {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    public RequestTimeline(LocalDate receivedOn, LocalDate correctionNoticeOn, LocalDate correctionApplicantDueOn,
                           LocalDate correctionReceivedOn, LocalDate extensionApprovedOn, int extensionDays,
                           List<Pause> pauses, LocalDate answeredOn) {
        this(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn, extensionApprovedOn,
                extensionDays, pauses, answeredOn, null, null);
    }

    /** The id of the one fee notice among the pauses. */
    public static final String FEE_PAUSE = "fee";

    public static RequestTimeline receivedOn(LocalDate receivedOn) {
        return new RequestTimeline(receivedOn, null, null, null, null, 0, List.of(), null, null, null);
    }

    /**
     * The timeline after an event of the request: the one place that says how each step moves the clock, used by
     * the aggregate and by every projection. Events that do not move the clock leave it as it is.
     */
    public RequestTimeline apply(RequestEvent event) {
        if (event instanceof RequestReceived e) {
            return receivedOn(e.receivedOn());
        } else if (event instanceof CorrectionRequested e) {
            return withCorrectionNotice(e.noticeOn(), e.applicantDueOn());
        } else if (event instanceof CorrectionReceived e) {
            return withCorrectionReceived(e.receivedOn());
        } else if (event instanceof DeadlineExtended e) {
            return withExtension(e.approvedOn(), e.workingDays());
        } else if (event instanceof ConsultationStarted e) {
            return withPause(Pause.consultation(e.consultationId(), e.kind(), e.sentOn(), e.deliveredOn()));
        } else if (event instanceof ConsultationEnded e) {
            return withPauseEnded(e.consultationId(), e.endedOn());
        } else if (event instanceof FeeNoticeIssued e) {
            return withPause(Pause.fee(FEE_PAUSE, e.noticeOn(), e.deliveredOn()));
        } else if (event instanceof FeePaid e) {
            return withPauseEnded(FEE_PAUSE, e.paidOn());
        } else if (event instanceof AnswerDeferred e) {
            return withDeferral(e.decidedOn(), e.dueOn());
        } else if (event instanceof RequestAnswered e) {
            return withAnsweredOn(e.answeredOn());
        } else if (event instanceof ReceiptDateCorrected e) {
            return withReceivedOn(e.receivedOn());
        }
        return this;
    }

    /** Which 条例's limits count this request's deadlines: by its date of receipt (SPEC §2b). */
    public RuleSet ruleSet() {
        return RuleSet.forReceipt(receivedOn);
    }

    /** The fee notice's pause, if one was issued. */
    public Optional<Pause> feePause() {
        return pauses.stream().filter(p -> p.kind() == Pause.Kind.FEE).findFirst();
    }

    /** The consultations, in the order they were started. */
    public List<Pause> consultations() {
        return pauses.stream().filter(Pause::isConsultation).toList();
    }

    public RequestTimeline withReceivedOn(LocalDate date) {
        return new RequestTimeline(date, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, answeredOn, deferralDecidedOn, deferredDueOn);
    }

    public RequestTimeline withCorrectionNotice(LocalDate noticeOn, LocalDate applicantDueOn) {
        return new RequestTimeline(receivedOn, noticeOn, applicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, answeredOn, deferralDecidedOn, deferredDueOn);
    }

    public RequestTimeline withCorrectionReceived(LocalDate date) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, date,
                extensionApprovedOn, extensionDays, pauses, answeredOn, deferralDecidedOn, deferredDueOn);
    }

    public RequestTimeline withExtension(LocalDate approvedOn, int days) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                approvedOn, days, pauses, answeredOn, deferralDecidedOn, deferredDueOn);
    }

    public RequestTimeline withPause(Pause pause) {
        List<Pause> changed = new ArrayList<>(pauses);
        changed.removeIf(p -> p.id().equals(pause.id()));
        changed.add(pause);
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, changed, answeredOn, deferralDecidedOn, deferredDueOn);
    }

    public RequestTimeline withPauseEnded(String pauseId, LocalDate endedOn) {
        List<Pause> changed = pauses.stream().map(p -> p.id().equals(pauseId) ? p.endedOn(endedOn) : p).toList();
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, changed, answeredOn, deferralDecidedOn, deferredDueOn);
    }

    public RequestTimeline withDeferral(LocalDate decidedOn, LocalDate dueOn) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, answeredOn, decidedOn, dueOn);
    }

    public RequestTimeline withAnsweredOn(LocalDate date) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, date, deferralDecidedOn, deferredDueOn);
    }

    public boolean isAnswered() {
        return answeredOn != null;
    }

    public boolean hasCorrectionNotice() {
        return correctionNoticeOn != null;
    }

    public boolean isDeferred() {
        return deferralDecidedOn != null;
    }

    /** 补正 requested and not yet received: there is no answer clock (SPEC §3 AWAITING_CORRECTION). */
    public boolean isAwaitingCorrection() {
        return correctionNoticeOn != null && correctionReceivedOn == null;
    }

    /**
     * A consultation or fee notice is still open: the request may be suspended. Whether it is on a given day —
     * a consultation stops the clock at most until its reply limit — is {@link ClockPhase#of(RequestTimeline,
     * LocalDate, cn.opengov.tracker.api.calendar.WorkingDayCalendar)}'s to say.
     */
    public boolean isSuspended() {
        return pauses.stream().anyMatch(Pause::isOpen);
    }

    /** The day the answer clock starts from: the date of receipt, or that of the corrected application. */
    public LocalDate clockStart() {
        return correctionReceivedOn != null ? correctionReceivedOn : receivedOn;
    }

    /** The latest date of any step recorded so far. */
    public LocalDate lastStepOn() {
        LocalDate last = receivedOn;
        for (LocalDate d : new LocalDate[] {correctionNoticeOn, correctionReceivedOn, extensionApprovedOn, answeredOn,
                deferralDecidedOn}) {
            last = later(last, d);
        }
        for (Pause p : pauses) {
            last = later(later(last, p.from()), p.to());
        }
        return last;
    }

    /**
     * The timeline as it stood at the end of {@code asOf}: steps dated later are not known yet, and a pause that
     * ended later was still open. Used to show the board for any date, not just today.
     */
    public RequestTimeline asOf(LocalDate asOf) {
        boolean noticeKnown = correctionNoticeOn != null && !correctionNoticeOn.isAfter(asOf);
        LocalDate received = noticeKnown && correctionReceivedOn != null && !correctionReceivedOn.isAfter(asOf)
                ? correctionReceivedOn : null;
        boolean extensionKnown = extensionApprovedOn != null && !extensionApprovedOn.isAfter(asOf);
        boolean deferralKnown = deferralDecidedOn != null && !deferralDecidedOn.isAfter(asOf);
        List<Pause> known = pauses.stream()
                .filter(p -> !p.from().isAfter(asOf))
                .map(p -> p.to() != null && p.to().isAfter(asOf) ? p.reopened() : p)
                .toList();
        return new RequestTimeline(receivedOn,
                noticeKnown ? correctionNoticeOn : null,
                noticeKnown ? correctionApplicantDueOn : null,
                received,
                extensionKnown ? extensionApprovedOn : null,
                extensionKnown ? extensionDays : 0,
                known,
                answeredOn != null && !answeredOn.isAfter(asOf) ? answeredOn : null,
                deferralKnown ? deferralDecidedOn : null,
                deferralKnown ? deferredDueOn : null);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
