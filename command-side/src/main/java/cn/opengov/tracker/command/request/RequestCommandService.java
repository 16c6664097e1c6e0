package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.command.lookup.RequestIndex.IndexedRequest;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Takes a step of an existing request from the web to its aggregate: checks the user may act on the request's
 * agency, looks up the agency's closed years, and dispatches, all in one transaction with the events' append.
 * (A new request goes through {@link RequestIntake}.)
 */
@Service
public class RequestCommandService {

    private final CommandGateway commands;
    private final RequestIndex index;
    private final AgencyScope scope;
    private final ClosedYears closedYears;

    public RequestCommandService(CommandGateway commands, RequestIndex index, AgencyScope scope, ClosedYears closedYears) {
        this.commands = commands;
        this.index = index;
        this.scope = scope;
        this.closedYears = closedYears;
    }

    /**
     * Sends a command about an existing request the user may see (else 404, which does not reveal that it
     * exists). {@code datesThatMayReopenAYear} are the command's dates that can change a closed year's
     * carry-overs: when one lies before this year, a concurrent year close is waited for.
     */
    @Transactional
    public Object execute(UUID requestId, CommandFactory command, LocalDate... datesThatMayReopenAYear) {
        IndexedRequest request = requireVisible(requestId);
        Integer closedThrough = closedYears.closedThrough(request.agencyCode(), datesThatMayReopenAYear);
        return commands.sendAndWait(command.apply(closedThrough));
    }

    public IndexedRequest requireVisible(UUID requestId) {
        IndexedRequest request = index.find(requestId)
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId));
        if (!scope.canSee(request.agencyCode())) {
            throw new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId);
        }
        return request;
    }

    /** Builds the command once the agency's last closed year (or null) is known. */
    @FunctionalInterface
    public interface CommandFactory {
        Object apply(Integer closedThrough);
    }
}
