package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** 补正通知 sent (条例第三十条). */
public record CorrectionRequested(UUID requestId, LocalDate noticeOn, String items, LocalDate applicantDueOn) implements RequestEvent {

    @Override
    public String label() {
        return "发出补正通知";
    }

    @Override
    public LocalDate occurredOn() {
        return noticeOn;
    }
}
