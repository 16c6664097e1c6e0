package cn.opengov.tracker.api.deadline;

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

/**
 * The dated steps of one request that its deadlines depend on. Immutable: every change returns a new timeline,
 * so the aggregate, the read models and the tests compute deadlines from the very same value.
 */
public record RequestTimeline(LocalDate receivedOn,
                              LocalDate correctionNoticeOn,
                              LocalDate correctionApplicantDueOn,
                              LocalDate correctionReceivedOn,
                              LocalDate extensionApprovedOn,
                              int extensionDays,
                              List<Pause> pauses,
                              LocalDate answeredOn) {

    public RequestTimeline {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** The id of the one fee notice among the pauses. */
    public static final String FEE_PAUSE = "fee";

    public static RequestTimeline receivedOn(LocalDate receivedOn) {
        return new RequestTimeline(receivedOn, null, null, null, null, 0, List.of(), null);
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
            return withPause(new Pause(e.consultationId(), Pause.Kind.CONSULTATION, e.sentOn(), null));
        } else if (event instanceof ConsultationEnded e) {
            return withPauseEnded(e.consultationId(), e.endedOn());
        } else if (event instanceof FeeNoticeIssued e) {
            return withPause(new Pause(FEE_PAUSE, Pause.Kind.FEE, e.noticeOn(), null));
        } else if (event instanceof FeePaid e) {
            return withPauseEnded(FEE_PAUSE, e.paidOn());
        } else if (event instanceof RequestAnswered e) {
            return withAnsweredOn(e.answeredOn());
        } else if (event instanceof ReceiptDateCorrected e) {
            return withReceivedOn(e.receivedOn());
        }
        return this;
    }

    /** The fee notice's pause, if one was issued. */
    public java.util.Optional<Pause> feePause() {
        return pauses.stream().filter(p -> p.kind() == Pause.Kind.FEE).findFirst();
    }

    public RequestTimeline withReceivedOn(LocalDate date) {
        return new RequestTimeline(date, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, answeredOn);
    }

    public RequestTimeline withCorrectionNotice(LocalDate noticeOn, LocalDate applicantDueOn) {
        return new RequestTimeline(receivedOn, noticeOn, applicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, answeredOn);
    }

    public RequestTimeline withCorrectionReceived(LocalDate date) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, date,
                extensionApprovedOn, extensionDays, pauses, answeredOn);
    }

    public RequestTimeline withExtension(LocalDate approvedOn, int days) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                approvedOn, days, pauses, answeredOn);
    }

    public RequestTimeline withPause(Pause pause) {
        List<Pause> changed = new ArrayList<>(pauses);
        changed.removeIf(p -> p.id().equals(pause.id()));
        changed.add(pause);
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, changed, answeredOn);
    }

    public RequestTimeline withPauseEnded(String pauseId, LocalDate endedOn) {
        List<Pause> changed = pauses.stream().map(p -> p.id().equals(pauseId) ? p.endedOn(endedOn) : p).toList();
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, changed, answeredOn);
    }

    public RequestTimeline withAnsweredOn(LocalDate date) {
        return new RequestTimeline(receivedOn, correctionNoticeOn, correctionApplicantDueOn, correctionReceivedOn,
                extensionApprovedOn, extensionDays, pauses, date);
    }

    public boolean isAnswered() {
        return answeredOn != null;
    }

    public boolean hasCorrectionNotice() {
        return correctionNoticeOn != null;
    }

    /** 补正 requested and not yet received: there is no answer clock (SPEC §3 AWAITING_CORRECTION). */
    public boolean isAwaitingCorrection() {
        return correctionNoticeOn != null && correctionReceivedOn == null;
    }

    /** A consultation or fee notice is still open: the due date cannot be known (SPEC §3 SUSPENDED). */
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
        for (LocalDate d : new LocalDate[] {correctionNoticeOn, correctionReceivedOn, extensionApprovedOn, answeredOn}) {
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
        List<Pause> known = pauses.stream()
                .filter(p -> !p.from().isAfter(asOf))
                .map(p -> p.to() != null && p.to().isAfter(asOf) ? new Pause(p.id(), p.kind(), p.from(), null) : p)
                .toList();
        return new RequestTimeline(receivedOn,
                noticeKnown ? correctionNoticeOn : null,
                noticeKnown ? correctionApplicantDueOn : null,
                received,
                extensionKnown ? extensionApprovedOn : null,
                extensionKnown ? extensionDays : 0,
                known,
                answeredOn != null && !answeredOn.isAfter(asOf) ? answeredOn : null);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
