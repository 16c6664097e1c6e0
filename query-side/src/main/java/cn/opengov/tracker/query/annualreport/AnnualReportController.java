package cn.opengov.tracker.query.annualreport;

import cn.opengov.tracker.api.fee.FeeFigures;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.annualmatrix.AnnualMatrixQueries;
import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import cn.opengov.tracker.query.fees.FeeQueries;
import cn.opengov.tracker.query.reviewlitigation.ReviewLitigationQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The whole 政府信息公开工作年度报告 (API.md {@code GET /api/reports/{year}/annual-report.docx}) and its text sections,
 * edited on the report page and kept per agency and year in versions. The text's write is the query side's own
 * (deploy/nginx routes {@code PUT …/annual-report/text} here): it is no event of a request, and the report it
 * completes is read here.
 */
@RestController
@RequestMapping("/api/reports/{year}")
public class AnnualReportController {

    private static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AnnualMatrixQueries matrices;
    private final ReviewLitigationQueries reviewLitigation;
    private final FeeQueries fees;
    private final ReportTexts texts;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;

    public AnnualReportController(AnnualMatrixQueries matrices, ReviewLitigationQueries reviewLitigation, FeeQueries fees,
                                  ReportTexts texts, AgencyScope scope, AgencyDirectory agencies) {
        this.matrices = matrices;
        this.reviewLitigation = reviewLitigation;
        this.fees = fees;
        this.texts = texts;
        this.scope = scope;
        this.agencies = agencies;
    }

    @GetMapping("/annual-report.docx")
    public ResponseEntity<byte[]> docx(@PathVariable int year, @RequestParam String agencyCode,
                                       @RequestParam(defaultValue = "false") boolean includeSubAgencies) {
        int y = ReportYear.check(year);
        String agency = AnnualMatrixQueries.requiredAgency(agencyCode);
        List<String> codes = scope.codesFor(agency, includeSubAgencies);
        AnnualMatrixQueries.Matrix m = matrices.matrix(y, codes);
        FeeFigures f = fees.figures(y, codes);
        String name = agencies.find(agency).map(Agency::name).orElse(agency);
        byte[] body = AnnualReportDocx.render(new AnnualReportDocx.Content(name, y, !m.closed(), texts.latest(agency, y),
                OfficialLayout.sectionThree(m.table()), OfficialLayout.sectionFour(reviewLitigation.table(y, codes)), f));
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + y + "年政府信息公开工作年度报告.docx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/annual-report/text")
    public ReportText text(@PathVariable int year, @RequestParam String agencyCode) {
        String agency = AnnualMatrixQueries.requiredAgency(agencyCode);
        scope.requireWithin(agency);
        return texts.latest(agency, ReportYear.check(year));
    }

    @GetMapping("/annual-report/text/history")
    public List<ReportTexts.Change> history(@PathVariable int year, @RequestParam String agencyCode) {
        String agency = AnnualMatrixQueries.requiredAgency(agencyCode);
        scope.requireWithin(agency);
        return texts.history(agency, ReportYear.check(year));
    }

    @PutMapping("/annual-report/text")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public ReportText save(@PathVariable int year, @RequestParam String agencyCode, @Valid @RequestBody TextBody body) {
        String agency = AnnualMatrixQueries.requiredAgency(agencyCode);
        scope.requireWithin(agency);
        ActiveDisclosure disclosure = body.activeDisclosure().value();
        String negative = disclosure.negative();
        if (negative != null) {
            throw RuleViolation.ofField("activeDisclosure", Rule.INVALID_VALUE, negative + "不能为负数");
        }
        return texts.save(agency, ReportYear.check(year), body.basedOnVersion(), nullToEmpty(body.overview()),
                disclosure, nullToEmpty(body.problems()), nullToEmpty(body.otherItems()),
                scope.currentUser().username());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The edited sections and the version they were edited from (0 for the first). */
    public record TextBody(@NotNull @PositiveOrZero Integer basedOnVersion, @Size(max = 20000) String overview,
                           @NotNull @Valid Disclosure activeDisclosure, @Size(max = 20000) String problems,
                           @Size(max = 20000) String otherItems) {
    }

    /** 二's figures as sent: counts and 万元. */
    public record Disclosure(@NotNull Long rulesIssued, @NotNull Long rulesRepealed, @NotNull Long rulesInForce,
                             @NotNull Long normativeIssued, @NotNull Long normativeRepealed, @NotNull Long normativeInForce,
                             @NotNull Long licensing, @NotNull Long punishment, @NotNull Long enforcement,
                             @NotNull @Digits(integer = 12, fraction = 4) BigDecimal feesWanYuan) {
        ActiveDisclosure value() {
            return new ActiveDisclosure(rulesIssued, rulesRepealed, rulesInForce, normativeIssued, normativeRepealed,
                    normativeInForce, licensing, punishment, enforcement, feesWanYuan);
        }
    }
}
