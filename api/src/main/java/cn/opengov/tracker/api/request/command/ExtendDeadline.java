package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Extend the answer deadline once (条例第三十三条第二款; 2007年条例第二十四条第二款), with the consent of the head of
 * the disclosure office: {@code approvedBy} (name and title), null from clients that do not send it.
 */
public record ExtendDeadline(@TargetAggregateIdentifier UUID requestId, LocalDate approvedOn, int workingDays,
                             String reason, String approvedBy) {

    public ExtendDeadline(UUID requestId, LocalDate approvedOn, int workingDays, String reason) {
        this(requestId, approvedOn, workingDays, reason, null);
    }
}
