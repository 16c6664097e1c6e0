package cn.opengov.tracker.api.request.event;

import java.util.UUID;

/** The request's 承办人 (a staff member of its agency) set or changed; {@code previousAssignee} null the first time. */
public record RequestAssigned(UUID requestId, String assignee, String previousAssignee) implements RequestEvent {

    @Override
    public String label() {
        return "指定承办人";
    }
}
