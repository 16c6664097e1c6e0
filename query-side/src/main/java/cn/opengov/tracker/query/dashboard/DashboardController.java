package cn.opengov.tracker.query.dashboard;

import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** {@code GET /api/dashboard?agencyCode=&year=}: the supervisors' dashboard (the page draws it with ECharts). */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
public class DashboardController {

    private final DashboardQueries queries;
    private final AgencyScope scope;
    private final Clock clock;

    public DashboardController(DashboardQueries queries, AgencyScope scope, Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard")
    public Dashboard dashboard(@RequestParam(required = false) String agencyCode, @RequestParam(required = false) Integer year) {
        String agency = agencyCode == null || agencyCode.isBlank() ? scope.currentUser().agencyCode() : agencyCode.strip();
        scope.requireWithin(agency);
        return queries.dashboard(agency, ReportYear.check(year == null ? LocalDate.now(clock).getYear() : year));
    }
}
