package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.OutcomeCategory;

import java.util.UUID;

/** A wrong outcome fixed after the fact. */
public record OutcomeReclassified(UUID requestId, OutcomeCategory previousOutcome, OutcomeCategory outcome, String reason) implements RequestEvent {

    @Override
    public String label() {
        return "更正办理结果";
    }
}
