package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.CaseResult;

import java.time.LocalDate;
import java.util.UUID;

/** 行政复议 decided. */
public record ReconsiderationDecided(UUID requestId, String caseId, LocalDate decidedOn, CaseResult result) implements RequestEvent {

    @Override
    public String label() {
        return "行政复议审结";
    }

    @Override
    public LocalDate occurredOn() {
        return decidedOn;
    }
}
