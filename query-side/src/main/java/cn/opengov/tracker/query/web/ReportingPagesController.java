package cn.opengov.tracker.query.web;

import cn.opengov.tracker.api.request.imports.ImportColumn;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.query.annualreport.ReportTexts;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.CurrentUser;
import cn.opengov.tracker.platform.directory.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The pages of issue 16 for supervisors and administrators: 年度报告 (the text sections of the whole report), 导入
 * (bulk import of past requests) and 统计看板 (the dashboard). Kept apart from
 * {@link PageController}, which other pages share.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
public class ReportingPagesController {

    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final String commandUrl;
    private final ReportTexts texts;

    public ReportingPagesController(AgencyScope scope, AgencyDirectory agencies, Clock clock, ReportTexts texts,
                                    @Value("${tracker.command-url:}") String commandUrl) {
        this.texts = texts;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
        this.commandUrl = commandUrl;
    }

    @ModelAttribute
    void common(Model model) {
        CurrentUser user = scope.currentUser();
        model.addAttribute("commandUrl", commandUrl);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("user", user);
        model.addAttribute("userAgency", agencies.find(user.agencyCode()).map(Agency::name).orElse(user.agencyCode()));
        model.addAttribute("canClose", user.isAtLeast(Role.SUPERVISOR));
        List<String> visible = agencies.codesOf(user.agencyCode(), true);
        model.addAttribute("agencies", agencies.all().stream().filter(a -> visible.contains(a.code())).toList());
    }

    /** 年度报告: the text sections edited here, the whole report downloaded (.docx). */
    @GetMapping("/reports/annual-report")
    public String annualReport(@RequestParam(required = false) String agencyCode, @RequestParam(required = false) Integer year,
                               Model model) {
        String agency = agencyCode == null || agencyCode.isBlank() ? scope.currentUser().agencyCode() : agencyCode;
        scope.requireWithin(agency);
        int y = ReportYear.check(year == null ? LocalDate.now(clock).getYear() - 1 : year);
        model.addAttribute("agencyCode", agency);
        model.addAttribute("agencyName", agencies.find(agency).map(Agency::name).orElse(agency));
        model.addAttribute("year", y);
        model.addAttribute("years", IntStream.rangeClosed(ReportYear.FIRST, LocalDate.now(clock).getYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("text", texts.latest(agency, y));
        model.addAttribute("history", texts.history(agency, y));
        return "annual-report";
    }

    /** 统计看板: the figures come from GET /api/dashboard, drawn by ECharts (served from the application's WebJar). */
    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) String agencyCode, @RequestParam(required = false) Integer year,
                            Model model) {
        String agency = agencyCode == null || agencyCode.isBlank() ? scope.currentUser().agencyCode() : agencyCode;
        scope.requireWithin(agency);
        int y = ReportYear.check(year == null ? LocalDate.now(clock).getYear() : year);
        model.addAttribute("agencyCode", agency);
        model.addAttribute("agencyName", agencies.find(agency).map(Agency::name).orElse(agency));
        model.addAttribute("year", y);
        model.addAttribute("years", IntStream.rangeClosed(ReportYear.FIRST, LocalDate.now(clock).getYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        return "dashboard";
    }

    @GetMapping("/imports")
    public String imports(Model model) {
        model.addAttribute("columns", ImportColumn.values());
        return "imports";
    }
}
