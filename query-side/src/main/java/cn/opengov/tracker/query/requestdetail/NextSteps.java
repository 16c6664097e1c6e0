package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.state.RequestState;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps SPEC §2 allows next on a request in its present state, so that a page offers only those. The
 * aggregate still checks every rule (dates included) when the step is sent.
 */
final class NextSteps {

    private NextSteps() {
    }

    static List<String> of(RequestState s) {
        RequestTimeline t = s.timeline();
        List<String> steps = new ArrayList<>();
        if (!t.isAnswered()) {
            if (!t.hasCorrectionNotice()) {
                steps.add("CORRECTION_NOTICE");
            } else if (t.correctionReceivedOn() == null) {
                steps.add("CORRECTION_RECEIVED");
            }
            if (t.extensionApprovedOn() == null && !t.isAwaitingCorrection()) {
                steps.add("EXTENSION");
            }
            steps.add("CONSULTATION");
            if (t.pauses().stream().anyMatch(p -> p.kind() == Pause.Kind.CONSULTATION && p.isOpen())) {
                steps.add("CONSULTATION_END");
            }
            if (t.feePause().isEmpty()) {
                steps.add("FEE_NOTICE");
            } else if (t.feePause().get().isOpen()) {
                steps.add("FEE_PAID");
            }
            steps.add("ANSWER");
        } else {
            steps.add("OUTCOME_RECLASSIFICATION");
        }
        steps.add("APPLICANT_TYPE_CORRECTION");
        steps.add("RECEIPT_DATE_CORRECTION");
        steps.add("RECONSIDERATION");
        steps.add("LAWSUIT");
        if (s.cases().stream().anyMatch(c -> c.decidedOn() == null)) {
            steps.add("CASE_DECISION");
        }
        return steps;
    }
}
