package cn.opengov.tracker.query.published;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.annualmatrix.AnnualMatrixQueries;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.query.projection.StateJson;
import cn.opengov.tracker.query.reviewlitigation.ReviewLitigationQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published tables (SPEC §4): as frozen, with who published them and when, beside the live table and every
 * cell where the two now differ.
 */
@RestController
public class PublishedReportController {

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final AnnualMatrixQueries matrices;
    private final ReviewLitigationQueries reviewLitigation;

    public PublishedReportController(JdbcTemplate jdbc, AgencyScope scope, AnnualMatrixQueries matrices,
                                     ReviewLitigationQueries reviewLitigation) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.matrices = matrices;
        this.reviewLitigation = reviewLitigation;
    }

    @GetMapping("/api/reports/{year}/published")
    public Map<String, Object> published(@PathVariable int year, @RequestParam String agencyCode,
                                         @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        List<Map<String, Object>> found = jdbc.query("""
                SELECT published_at, published_by, matrix::text, review_litigation::text FROM published_report
                WHERE agency_code = ? AND year = ? AND include_sub_agencies = ? ORDER BY published_at DESC, id DESC LIMIT 1""",
                (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("publishedAt", rs.getTimestamp(1).toInstant());
                    row.put("publishedBy", rs.getString(2));
                    row.put("matrix", StateJson.read(rs.getString(3), AnnualTable.class));
                    row.put("reviewLitigation", StateJson.read(rs.getString(4), ReviewLitigationTable.class));
                    return row;
                }, agencyCode, ReportYear.check(year), includeSubAgencies);
        if (found.isEmpty()) {
            throw new RuleViolation(Rule.NOT_PUBLISHED, agencyCode, year);
        }
        Map<String, Object> publication = found.get(0);
        AnnualTable frozen = (AnnualTable) publication.get("matrix");
        ReviewLitigationTable frozenFour = (ReviewLitigationTable) publication.get("reviewLitigation");
        AnnualMatrixQueries.Matrix live = matrices.matrix(year, codes);
        ReviewLitigationTable liveFour = reviewLitigation.table(year, codes);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("agencyCode", agencyCode);
        answer.put("includeSubAgencies", includeSubAgencies);
        answer.put("publishedAt", (Instant) publication.get("publishedAt"));
        answer.put("publishedBy", publication.get("publishedBy"));
        answer.put("format", frozen.format().code());
        answer.put("balanced", frozen.balanced());
        answer.put("rows", frozen.rows());
        answer.put("reviewLitigation", frozenFour);
        List<AnnualTable.CellDifference> differences = frozen.differencesFrom(live.table());
        answer.put("differences", differences);
        List<Map<String, Object>> fourDifferences = sectionFourDifferences(frozenFour, liveFour);
        answer.put("reviewLitigationDifferences", fourDifferences);
        answer.put("liveDiffers", !differences.isEmpty() || !fourDifferences.isEmpty());
        return answer;
    }

    private static List<Map<String, Object>> sectionFourDifferences(ReviewLitigationTable published, ReviewLitigationTable live) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (cn.opengov.tracker.api.request.CaseKind kind : cn.opengov.tracker.api.request.CaseKind.values()) {
            for (String column : ReviewLitigationTable.COLUMNS) {
                long p = published.block(kind).getOrDefault(column, 0L);
                long l = live.block(kind).getOrDefault(column, 0L);
                if (p != l) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("block", kind);
                    d.put("column", column);
                    d.put("published", p);
                    d.put("live", l);
                    out.add(d);
                }
            }
        }
        return out;
    }
}
