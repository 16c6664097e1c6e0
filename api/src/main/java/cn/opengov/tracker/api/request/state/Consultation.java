package cn.opengov.tracker.api.request.state;

import cn.opengov.tracker.api.request.ConsultationKind;

import java.time.LocalDate;

/**
 * Whom a consultation (征求意见) asked, and when the letter reached them when known. Its dates as a pause of the
 * clock are in the timeline ({@link cn.opengov.tracker.api.deadline.Pause}, by the same id).
 */
public record Consultation(String consultationId, ConsultationKind kind, String party, LocalDate deliveredOn) {
}
