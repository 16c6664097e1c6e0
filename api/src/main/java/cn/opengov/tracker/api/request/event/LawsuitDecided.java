package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.CaseResult;

import java.time.LocalDate;
import java.util.UUID;

/** 行政诉讼 decided. */
public record LawsuitDecided(UUID requestId, String caseId, LocalDate decidedOn, CaseResult result) implements RequestEvent {

    @Override
    public String label() {
        return "行政诉讼审结";
    }

    @Override
    public LocalDate occurredOn() {
        return decidedOn;
    }
}
