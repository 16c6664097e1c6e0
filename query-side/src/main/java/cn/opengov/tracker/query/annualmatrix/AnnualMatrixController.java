package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.report.ReportFormat;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.annualmatrix.export.CsvExport;
import cn.opengov.tracker.query.annualmatrix.export.HtmlExport;
import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import cn.opengov.tracker.query.annualmatrix.export.ReportDocument;
import cn.opengov.tracker.query.annualmatrix.export.XlsxExport;
import cn.opengov.tracker.query.requestdetail.RequestListItems;
import cn.opengov.tracker.query.requestdetail.RequestQueries;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public Map<String, Object> matrix(@PathVariable int year, @RequestParam String agencyCode,
                                      @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        AnnualMatrixQueries.Matrix m = matrices.matrix(ReportYear.check(year), scope.codesFor(required(agencyCode), includeSubAgencies));
        return jsonOf(year, agencyCode, includeSubAgencies, m);
    }

    @GetMapping("/matrix/cells")
    public Map<String, Object> cell(@PathVariable int year, @RequestParam String agencyCode,
                                    @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                                    @RequestParam String row, @RequestParam String column,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw RuleViolation.ofField("size", Rule.INVALID_VALUE, "page 不能为负数，size 须在1至500之间");
        }
        RequestQueries.Page found = cells.requests(ReportYear.check(year), scope.codesFor(required(agencyCode), includeSubAgencies),
                row, column, page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("row", row);
        answer.put("column", column);
        answer.put("items", found.items().stream().map(RequestListItems::of).toList());
        answer.put("total", found.total());
        return answer;
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
        List<String> codes = scope.codesFor(required(agencyCode), includeSubAgencies);
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

    public static Map<String, Object> jsonOf(int year, String agencyCode, boolean includeSubAgencies, AnnualMatrixQueries.Matrix m) {
        AnnualTable table = m.table();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", year);
        answer.put("agencyCode", agencyCode);
        answer.put("includeSubAgencies", includeSubAgencies);
        answer.put("format", table.format().code());
        answer.put("closed", m.closed());
        answer.put("provisional", !m.closed());
        answer.put("balanced", table.balanced());
        answer.put("columns", java.util.Arrays.stream(ApplicantType.values()).map(Enum::name).toList());
        Map<String, String> columnLabels = new LinkedHashMap<>();
        for (ApplicantType type : ApplicantType.values()) {
            columnLabels.put(type.name(), table.format() == ReportFormat.F2019 ? type.label2019() : type.label());
        }
        columnLabels.put(MatrixRow.TOTAL, "总计");
        answer.put("columnLabels", columnLabels);
        answer.put("rows", table.rows());
        Map<String, String> rowLabels = new LinkedHashMap<>();
        MatrixRow.ALL.forEach(r -> rowLabels.put(r, MatrixRow.label(r)));
        answer.put("rowLabels", rowLabels);
        return answer;
    }

    private static String required(String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            throw RuleViolation.ofField("agencyCode", Rule.INVALID_VALUE, "必须指定机关 agencyCode");
        }
        return agencyCode;
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
