package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.request.command.AssignRequest;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.lookup.RequestIndex.IndexedRequest;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.UserDirectory;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * 承办人 (SPEC §2b): assigns a request to a staff member of its own agency — an enabled account of role STAFF or
 * SUPERVISOR whose agency is the request's (not a parent's, not a department's) — checked against the user
 * directory before the aggregate records it.
 */
@Service
public class RequestAssignments {

    private final RequestCommandService service;
    private final UserDirectory users;

    public RequestAssignments(RequestCommandService service, UserDirectory users) {
        this.service = service;
        this.users = users;
    }

    public void assign(UUID requestId, String username) {
        IndexedRequest request = service.requireVisible(requestId);
        UserAccount user = users.find(username)
                .orElseThrow(() -> RuleViolation.ofField("username", Rule.ASSIGNEE_UNKNOWN, username));
        if (!user.enabled() || user.role() == Role.ADMIN || !user.agencyCode().equals(request.agencyCode())) {
            throw RuleViolation.ofField("username", Rule.ASSIGNEE_NOT_OF_AGENCY, request.agencyCode(), username);
        }
        service.execute(requestId, closed -> new AssignRequest(requestId, username));
    }
}
