package cn.opengov.tracker.query.published;

import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.query.annualmatrix.export.XlsxExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published tables (SPEC §4): as frozen, with who published them and when, beside the live table and every
 * cell where the two now differ.
 */
@RestController
public class PublishedReportController {

    private final AgencyScope scope;
    private final PublishedReports reports;
    private final AgencyDirectory agencies;

    public PublishedReportController(AgencyScope scope, PublishedReports reports, AgencyDirectory agencies) {
        this.scope = scope;
        this.reports = reports;
        this.agencies = agencies;
    }

    /** The tables as frozen at publication, in the official layout (an addition to API.md): what was published. */
    @GetMapping("/api/reports/{year}/published.xlsx")
    public ResponseEntity<byte[]> publishedXlsx(@PathVariable int year, @RequestParam String agencyCode,
                                                @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        scope.codesFor(agencyCode, includeSubAgencies); // the caller may see this agency (else 403/404)
        PublishedReports.FrozenTables frozen = reports.frozen(ReportYear.check(year), agencyCode, includeSubAgencies)
                .orElseThrow(() -> new RuleViolation(Rule.NOT_PUBLISHED, agencyCode, year));
        byte[] body = XlsxExport.render(PublishedReports.document(agencies.find(agencyCode).map(a -> a.name()).orElse(agencyCode),
                year, includeSubAgencies, frozen));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(agencyCode + "-" + year + "-年度报表-已发布.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }


    @GetMapping("/api/reports/{year}/published")
    public PublishedReport published(@PathVariable int year, @RequestParam String agencyCode,
                                     @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        return reports.latest(ReportYear.check(year), agencyCode, includeSubAgencies, codes)
                .orElseThrow(() -> new RuleViolation(Rule.NOT_PUBLISHED, agencyCode, year));
    }
}
