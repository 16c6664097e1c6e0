package cn.opengov.tracker.query.web;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.annualmatrix.export.HtmlExport;
import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import cn.opengov.tracker.query.published.PublishedReport;
import cn.opengov.tracker.query.published.PublishedReports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * 已发布的报表 (SPEC §4): the tables exactly as frozen when published, a download of them, and every cell where the
 * live table now differs ("一、本年新收… · 自然人 18 → 19"), so that a correction after publication is seen.
 */
@Controller
public class PublishedPageController {

    private final PageModel page;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final PublishedReports published;

    public PublishedPageController(PageModel page, AgencyScope scope, AgencyDirectory agencies, PublishedReports published) {
        this.page = page;
        this.scope = scope;
        this.agencies = agencies;
        this.published = published;
    }

    @GetMapping("/reports/published")
    public String published(@RequestParam int year, @RequestParam String agencyCode,
                            @RequestParam(defaultValue = "true") boolean includeSubAgencies, Model model) {
        page.fill(model);
        int y = ReportYear.check(year);
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        String name = agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
        model.addAttribute("year", y);
        model.addAttribute("agencyCode", agencyCode);
        model.addAttribute("agencyName", name);
        model.addAttribute("includeSubAgencies", includeSubAgencies);
        model.addAttribute("back", "/reports?agencyCode=" + agencyCode + "&includeSubAgencies=" + includeSubAgencies + "&year=" + y);
        PublishedReports.FrozenTables frozen = published.frozen(y, agencyCode, includeSubAgencies).orElse(null);
        model.addAttribute("frozen", frozen);
        if (frozen == null) {
            return "published";
        }
        PublishedReport report = published.latest(y, agencyCode, includeSubAgencies, codes).orElseThrow();
        StringBuilder three = new StringBuilder();
        HtmlExport.table(three, OfficialLayout.sectionThree(frozen.table()), cell -> null);
        StringBuilder four = new StringBuilder();
        HtmlExport.table(four, OfficialLayout.sectionFour(frozen.four()), cell -> null);
        model.addAttribute("sectionThree", three.toString());
        model.addAttribute("sectionFour", four.toString());
        model.addAttribute("report", report);
        model.addAttribute("changes", report.differences().stream().map(PublishedPageController::change).toList());
        model.addAttribute("fourChanges", report.reviewLitigationDifferences().stream()
                .map(d -> new Change(d.block().label(), column(d.column()), d.published(), d.live())).toList());
        return "published";
    }

    private static Change change(AnnualTable.CellDifference d) {
        return new Change(MatrixRow.label(d.row()), "TOTAL".equals(d.column()) ? "总计" : ApplicantType.valueOf(d.column()).label(),
                d.published(), d.live());
    }

    private static String column(String code) {
        return switch (code) {
            case "UPHELD" -> "结果维持";
            case "CORRECTED" -> "结果纠正";
            case "OTHER" -> "其他结果";
            case "PENDING" -> "尚未审结";
            case "TOTAL" -> "总计";
            default -> code;
        };
    }

    /** One changed cell: where, as published, and as it stands now. */
    public record Change(String row, String column, long published, long live) {
    }
}
