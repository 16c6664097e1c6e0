package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.request.command.AssignRequest;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

/**
 * 承办人 (SPEC §2b): a request is assigned to one staff member of its agency and may be reassigned at any time, after
 * the answer too — a reconsideration, a lawsuit or a correction of the record still needs someone to handle it.
 * That the assignee is staff of the agency is checked before the command is sent, against the user directory.
 */
public final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    public static void check(RequestState state, AssignRequest cmd) {
        if (cmd.assignee().equals(state.handling().assignee())) {
            throw new RuleViolation(Rule.ALREADY_ASSIGNED, cmd.assignee());
        }
    }
}
