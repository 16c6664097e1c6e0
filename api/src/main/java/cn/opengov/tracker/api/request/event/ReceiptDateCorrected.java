package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/** A wrongly entered date of receipt fixed. */
public record ReceiptDateCorrected(UUID requestId, LocalDate previousReceivedOn, LocalDate receivedOn, String reason) implements RequestEvent {

    @Override
    public String label() {
        return "更正收到申请日期";
    }
}
