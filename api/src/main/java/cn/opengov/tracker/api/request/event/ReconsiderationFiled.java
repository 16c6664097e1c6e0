package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** 行政复议 filed about this request. */
public record ReconsiderationFiled(UUID requestId, String caseId, LocalDate filedOn) implements RequestEvent {

    @Override
    public String label() {
        return "申请行政复议";
    }

    @Override
    public LocalDate occurredOn() {
        return filedOn;
    }
}
