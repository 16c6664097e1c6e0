package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.request.ConsultationKind;

import java.time.LocalDate;

/**
 * A stretch during which the answer clock may stand still (SPEC §3, §2b): a consultation (征求意见, 条例第三十二条、
 * 第三十四条) from sentOn to endedOn, or a fee notice (信息处理费) from noticeOn to paidOn. The working days in
 * (from, to] are paused; while {@code to} is null the pause is still open. {@code deliveredOn}: when the letter or
 * notice reached the consulted party or the applicant, if known — the consulted party's reply limit and the
 * applicant's time to pay run from it. {@code consultationKind}: whom a consultation asked (null for the fee; in
 * timelines stored before it was kept, taken as a third party). How long a pause really stops the clock under
 * the request's rule set is {@link Deadlines}' to say.
 */
public record Pause(String id, Kind kind, LocalDate from, LocalDate to, LocalDate deliveredOn,
                    ConsultationKind consultationKind) {

    public enum Kind { CONSULTATION, FEE }

    public Pause(String id, Kind kind, LocalDate from, LocalDate to) {
        this(id, kind, from, to, null, null);
    }

    public static Pause consultation(String id, ConsultationKind kind, LocalDate sentOn, LocalDate deliveredOn) {
        return new Pause(id, Kind.CONSULTATION, sentOn, null, deliveredOn, kind);
    }

    public static Pause fee(String id, LocalDate noticeOn, LocalDate deliveredOn) {
        return new Pause(id, Kind.FEE, noticeOn, null, deliveredOn, null);
    }

    public boolean isOpen() {
        return to == null;
    }

    public boolean isConsultation() {
        return kind == Kind.CONSULTATION;
    }

    /** The day the letter or notice was received, or the day it was sent when that is not known. */
    public LocalDate receivedOn() {
        return deliveredOn != null ? deliveredOn : from;
    }

    public Pause endedOn(LocalDate end) {
        return new Pause(id, kind, from, end, deliveredOn, consultationKind);
    }

    /** The pause as it stood before it ended. */
    public Pause reopened() {
        return new Pause(id, kind, from, null, deliveredOn, consultationKind);
    }
}
