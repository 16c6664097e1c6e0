package cn.opengov.tracker.api.deadline;

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

    public static RequestTimeline receivedOn(LocalDate receivedOn) {
        return new RequestTimeline(receivedOn, null, null, null, null, 0, List.of(), null);
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
