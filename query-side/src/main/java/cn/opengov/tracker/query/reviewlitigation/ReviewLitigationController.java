package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.api.report.ReportYear;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

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
    public Map<String, Object> table(@PathVariable int year, @RequestParam String agencyCode,
                                     @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        ReviewLitigationTable table = queries.table(ReportYear.check(year), scope.codesFor(agencyCode, includeSubAgencies));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("agencyCode", agencyCode);
        answer.put("includeSubAgencies", includeSubAgencies);
        answer.put("reconsideration", table.reconsideration());
        answer.put("lawsuitDirect", table.lawsuitDirect());
        answer.put("lawsuitAfterReconsideration", table.lawsuitAfterReconsideration());
        return answer;
    }
}
