package cn.opengov.tracker.query.fees;

import cn.opengov.tracker.api.fee.FeeFigures;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Section 六's fee figures (API.md, SPEC §2b). */
@RestController
public class FeesController {

    private final FeeQueries queries;
    private final AgencyScope scope;

    public FeesController(FeeQueries queries, AgencyScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/reports/{year}/fees")
    public FeeFiguresView fees(@PathVariable int year, @RequestParam String agencyCode,
                               @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        FeeFigures f = queries.figures(ReportYear.check(year), scope.codesFor(agencyCode, includeSubAgencies));
        return new FeeFiguresView(year, agencyCode, includeSubAgencies, f.noticesIssued(), f.amountNoticedYuan(),
                f.feesPaid(), f.amountPaidYuan(), f.statement(year));
    }
}
