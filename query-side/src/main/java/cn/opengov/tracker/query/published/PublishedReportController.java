package cn.opengov.tracker.query.published;

import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The published tables (SPEC §4): as frozen, with who published them and when, beside the live table and every
 * cell where the two now differ.
 */
@RestController
public class PublishedReportController {

    private final AgencyScope scope;
    private final PublishedReports reports;

    public PublishedReportController(AgencyScope scope, PublishedReports reports) {
        this.scope = scope;
        this.reports = reports;
    }

    @GetMapping("/api/reports/{year}/published")
    public PublishedReport published(@PathVariable int year, @RequestParam String agencyCode,
                                     @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        return reports.latest(ReportYear.check(year), agencyCode, includeSubAgencies, codes)
                .orElseThrow(() -> new RuleViolation(Rule.NOT_PUBLISHED, agencyCode, year));
    }
}
