package cn.opengov.tracker.command.directory;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.DirectoryAudit;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.LoginFailures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What administrators read about their users: failed logins (who, from where, when) and who created or changed
 * which agency or user. An administrator of the top agency sees everything, including logins with unknown names;
 * others see their own agency tree.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class AdminRecordsController {

    private static final int MAX_LIMIT = 1000;

    private final LoginFailures failures;
    private final DirectoryAudit audit;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;

    public AdminRecordsController(LoginFailures failures, DirectoryAudit audit, AgencyScope scope, AgencyDirectory agencies) {
        this.failures = failures;
        this.audit = audit;
        this.scope = scope;
        this.agencies = agencies;
    }

    @GetMapping("/api/admin/login-failures")
    public Items<LoginFailures.Entry> loginFailures(@RequestParam(required = false) String username,
                                                    @RequestParam(defaultValue = "100") int limit) {
        return new Items<>(failures.recent(visibleAgencies(), username, checked(limit)));
    }

    @GetMapping("/api/admin/audit")
    public Items<DirectoryAudit.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        return new Items<>(audit.recent(visibleAgencies(), checked(limit)));
    }

    /** null: every agency, for an administrator of the top agency. */
    private List<String> visibleAgencies() {
        return scope.atTopAgency() ? null : agencies.codesOf(scope.currentUser().agencyCode(), true);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleViolation.ofField("limit", Rule.INVALID_VALUE, "limit 须在1至" + MAX_LIMIT + "之间");
        }
        return limit;
    }

    /** A list answer. */
    public record Items<T>(List<T> items) {
    }
}
