package cn.opengov.tracker.api.request.event;

import java.util.UUID;

/** A carry-over undone: a later-logged answer or date correction shows the request was not open on 31 December of {@code fromYear}. */
public record CarryOverRevoked(UUID requestId, int fromYear, String reason) implements RequestEvent {

    @Override
    public String label() {
        return "撤销结转";
    }
}
