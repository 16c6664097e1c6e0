package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.annualmatrix.export.CsvExport;
import cn.opengov.tracker.query.annualmatrix.export.HtmlExport;
import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import cn.opengov.tracker.query.annualmatrix.export.ReportDocument;
import cn.opengov.tracker.query.annualmatrix.export.XlsxExport;
import cn.opengov.tracker.query.reviewlitigation.ReviewLitigationQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Section 三 (API.md): the matrix as JSON, its drill-down, and the exports in the official layout. */
@RestController
@RequestMapping("/api/reports/{year}")
public class AnnualMatrixController {

    private final AnnualMatrixQueries matrices;
    private final MatrixCells cells;
    private final ReviewLitigationQueries reviewLitigation;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;

    public AnnualMatrixController(AnnualMatrixQueries matrices, MatrixCells cells,
                                  ReviewLitigationQueries reviewLitigation, AgencyScope scope, AgencyDirectory agencies) {
        this.matrices = matrices;
        this.cells = cells;
        this.reviewLitigation = reviewLitigation;
        this.scope = scope;
        this.agencies = agencies;
    }

    @GetMapping("/matrix")
    public MatrixView matrix(@PathVariable int year, @RequestParam String agencyCode,
                             @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        AnnualMatrixQueries.Matrix m = matrices.matrix(ReportYear.check(year), scope.codesFor(AnnualMatrixQueries.requiredAgency(agencyCode), includeSubAgencies));
        return MatrixView.of(year, agencyCode, includeSubAgencies, m);
    }

    @GetMapping("/matrix/cells")
    public CellRequests cell(@PathVariable int year, @RequestParam String agencyCode,
                             @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                             @RequestParam String row, @RequestParam String column,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw RuleViolation.ofField("size", Rule.INVALID_VALUE, "page 不能为负数，size 须在1至500之间");
        }
        return cells.cell(ReportYear.check(year), scope.codesFor(AnnualMatrixQueries.requiredAgency(agencyCode), includeSubAgencies),
                row, column, page, size);
    }

    @GetMapping("/matrix.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable int year, @RequestParam String agencyCode,
                                       @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        return download(XlsxExport.render(document(year, agencyCode, includeSubAgencies)),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                fileName(year, agencyCode, "xlsx"));
    }

    @GetMapping("/matrix.csv")
    public ResponseEntity<byte[]> csv(@PathVariable int year, @RequestParam String agencyCode,
                                      @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        return download(CsvExport.render(document(year, agencyCode, includeSubAgencies)),
                new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(year, agencyCode, "csv"));
    }

    @GetMapping("/matrix.html")
    public ResponseEntity<byte[]> html(@PathVariable int year, @RequestParam String agencyCode,
                                       @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(HtmlExport.render(document(year, agencyCode, includeSubAgencies)));
    }

    private ReportDocument document(int year, String agencyCode, boolean includeSubAgencies) {
        List<String> codes = scope.codesFor(AnnualMatrixQueries.requiredAgency(agencyCode), includeSubAgencies);
        AnnualMatrixQueries.Matrix m = matrices.matrix(ReportYear.check(year), codes);
        ReviewLitigationTable section4 = reviewLitigation.table(year, codes);
        String name = agencies.find(agencyCode).map(a -> a.name()).orElse(agencyCode);
        String title = name + (includeSubAgencies ? "（含下级机关）" : "") + " " + year + "年政府信息公开工作年度报告";
        String note = m.closed() ? null : "注：" + year + "年度尚未结转，表中数据为临时数据";
        if (!m.table().balanced()) {
            note = (note == null ? "注：" : note + "；") + "勾稽关系不平衡，请核对";
        }
        return new ReportDocument(title, note, OfficialLayout.sectionThree(m.table()), OfficialLayout.sectionFour(section4));
    }

    private static String fileName(int year, String agencyCode, String extension) {
        return agencyCode + "-" + year + "-年度报表." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
