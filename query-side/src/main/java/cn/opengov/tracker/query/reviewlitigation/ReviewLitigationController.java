package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.api.report.ReportYear;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** Section 四 (API.md): reconsideration and lawsuits by result, pending and total. */
@RestController
public class ReviewLitigationController {

    private final ReviewLitigationQueries queries;
    private final AgencyScope scope;

    public ReviewLitigationController(ReviewLitigationQueries queries, AgencyScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/reports/{year}/review-litigation")
    public ReviewLitigationView table(@PathVariable int year, @RequestParam String agencyCode,
                                      @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        ReviewLitigationTable table = queries.table(ReportYear.check(year), scope.codesFor(agencyCode, includeSubAgencies));
        return new ReviewLitigationView(year, agencyCode, includeSubAgencies, table.reconsideration(), table.lawsuitDirect(),
                table.lawsuitAfterReconsideration());
    }
}
