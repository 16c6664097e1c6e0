package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** 行政诉讼 filed, directly or after reconsideration. */
public record LawsuitFiled(UUID requestId, String caseId, LocalDate filedOn, boolean afterReconsideration) implements RequestEvent {

    @Override
    public String label() {
        return "提起行政诉讼";
    }

    @Override
    public LocalDate occurredOn() {
        return filedOn;
    }
}
