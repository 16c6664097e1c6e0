package cn.opengov.tracker.query.web;

import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.CurrentUser;
import cn.opengov.tracker.query.annualmatrix.AnnualMatrixQueries;
import cn.opengov.tracker.query.annualmatrix.MatrixCells;
import cn.opengov.tracker.query.annualmatrix.MatrixView;
import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.query.annualmatrix.export.HtmlExport;
import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoard;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoardQueries;
import cn.opengov.tracker.query.fees.FeeQueries;
import cn.opengov.tracker.query.published.PublishedReports;
import cn.opengov.tracker.query.requestdetail.RequestDetail;
import cn.opengov.tracker.query.requestdetail.RequestQueries;
import cn.opengov.tracker.query.reviewlitigation.ReviewLitigationQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pages staff and supervisors use every day (登记, 申请查询, 申请详情, 期限督办, 年度报表), rendered on the
 * server from the same read models the API serves. Steps are sent from the page to the command side.
 */
@Controller
public class PageController {

    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final RequestQueries requests;
    private final DeadlineBoardQueries board;
    private final AnnualMatrixQueries matrices;
    private final MatrixCells cells;
    private final ReviewLitigationQueries reviewLitigation;
    private final PublishedReports published;
    private final FeeQueries fees;
    private final UserDirectory users;
    private final Clock clock;
    private final String commandUrl;

    public PageController(AgencyScope scope, AgencyDirectory agencies, RequestQueries requests, DeadlineBoardQueries board,
                          AnnualMatrixQueries matrices, MatrixCells cells, ReviewLitigationQueries reviewLitigation,
                          PublishedReports published, FeeQueries fees, UserDirectory users, Clock clock,
                          @Value("${tracker.command-url:}") String commandUrl) {
        this.scope = scope;
        this.agencies = agencies;
        this.requests = requests;
        this.board = board;
        this.matrices = matrices;
        this.cells = cells;
        this.reviewLitigation = reviewLitigation;
        this.published = published;
        this.fees = fees;
        this.users = users;
        this.clock = clock;
        this.commandUrl = commandUrl;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("commandUrl", commandUrl);
        model.addAttribute("today", LocalDate.now(clock));
        try {
            CurrentUser user = scope.currentUser();
            model.addAttribute("user", user);
            model.addAttribute("userAgency", agencies.find(user.agencyCode()).map(Agency::name).orElse(user.agencyCode()));
            model.addAttribute("canClose", user.isAtLeast(Role.SUPERVISOR));
            List<String> visible = agencies.codesOf(user.agencyCode(), true);
            model.addAttribute("agencies", agencies.all().stream().filter(a -> visible.contains(a.code())).toList());
        } catch (RuntimeException notLoggedIn) {
            model.addAttribute("agencies", List.of());
        }
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** The landing page: a clerk's own work (我的待办), a supervisor's or administrator's board. */
    @GetMapping("/")
    public String home() {
        return scope.currentUser().role() == Role.STAFF ? "redirect:/my" : "redirect:/board";
    }

    @GetMapping("/requests/new")
    public String newRequest(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("applicantTypes", ApplicantType.values());
        model.addAttribute("deliveryForms", DeliveryForm.values());
        return "request-new";
    }

    @GetMapping("/requests")
    public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String agencyCode,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        String agency = blankToNull(agencyCode);
        model.addAttribute("result", requests.list(agency, true, blankToNull(status), blankToNull(q), blankToNull(assignee),
                page, 20));
        model.addAttribute("assignee", assignee == null ? "" : assignee);
        model.addAttribute("assignable", assignableUsers());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("agencyCode", agency == null ? "" : agency);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("page", page);
        return "requests";
    }

    @GetMapping("/requests/{id}")
    public String detail(@PathVariable UUID id, Model model) {
        RequestDetail r = requests.detail(id);
        model.addAttribute("r", r);
        model.addAttribute("assignable", users.assignableIn(List.of(r.agencyCode())));
        model.addAttribute("feeBases", FeeBasis.values());
        model.addAttribute("outcomeGroups", outcomeGroups());
        model.addAttribute("applicantTypes", ApplicantType.values());
        model.addAttribute("consultationKinds", ConsultationKind.values());
        model.addAttribute("caseResults", CaseResult.values());
        return "request-detail";
    }

    private static final int BOARD_PAGE_SIZE = 50;

    @GetMapping("/board")
    public String board(@RequestParam(required = false) String agencyCode,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        @RequestParam(required = false) List<BoardState> state,
                        @RequestParam(required = false) String assignee,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        String agency = blankToNull(agencyCode);
        // 50 lines a page (issue 18); the counts per state are the whole scope's, whatever the state filter
        DeadlineBoard answer = board.page(agency == null ? scope.currentUser().agencyCode() : agency, true, asOf, state,
                blankToNull(assignee), Math.max(0, page), BOARD_PAGE_SIZE);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (answer.total() + BOARD_PAGE_SIZE - 1) / BOARD_PAGE_SIZE));
        model.addAttribute("assignee", assignee == null ? "" : assignee);
        model.addAttribute("assignable", assignableUsers());
        model.addAttribute("board", answer);
        model.addAttribute("agencyCode", agency == null ? "" : agency);
        model.addAttribute("states", BoardState.values());
        model.addAttribute("selectedStates", state == null ? List.of() : state);
        model.addAttribute("counts", answer.counts());
        Map<String, String> agencyNames = new LinkedHashMap<>();
        agencies.all().forEach(a -> agencyNames.put(a.code(), a.name()));
        model.addAttribute("agencyNames", agencyNames);
        return "board";
    }

    @GetMapping("/reports")
    public String reports(@RequestParam(required = false) String agencyCode,
                          @RequestParam(defaultValue = "true") boolean includeSubAgencies,
                          @RequestParam(required = false) Integer year, Model model) {
        String agency = blankToNull(agencyCode) == null ? scope.currentUser().agencyCode() : agencyCode;
        int y = ReportYear.check(year == null ? LocalDate.now(clock).getYear() - 1 : year);
        List<String> codes = scope.codesFor(agency, includeSubAgencies);
        AnnualMatrixQueries.Matrix m = matrices.matrix(y, codes);
        ReviewLitigationTable four = reviewLitigation.table(y, codes);
        StringBuilder three = new StringBuilder();
        HtmlExport.table(three, OfficialLayout.sectionThree(m.table()), cell -> cell.rowCode() == null ? null
                : UriComponentsBuilder.fromPath("/reports/cells").queryParam("agencyCode", agency)
                .queryParam("includeSubAgencies", includeSubAgencies).queryParam("year", y)
                .queryParam("row", cell.rowCode()).queryParam("column", cell.columnCode()).build().encode().toUriString());
        StringBuilder fourHtml = new StringBuilder();
        HtmlExport.table(fourHtml, OfficialLayout.sectionFour(four), cell -> null);
        model.addAttribute("agencyCode", agency);
        model.addAttribute("agencyName", agencies.find(agency).map(Agency::name).orElse(agency));
        model.addAttribute("includeSubAgencies", includeSubAgencies);
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(ReportYear.FIRST, LocalDate.now(clock).getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("matrix", MatrixView.of(y, agency, includeSubAgencies, m));
        model.addAttribute("sectionThree", three.toString());
        model.addAttribute("sectionFour", fourHtml.toString());
        model.addAttribute("fees", fees.figures(y, codes));
        model.addAttribute("yearOver", LocalDate.now(clock).getYear() > y);
        model.addAttribute("publication", published.latest(y, agency, includeSubAgencies, codes).orElse(null));
        model.addAttribute("query", "agencyCode=" + agency + "&includeSubAgencies=" + includeSubAgencies);
        return "reports";
    }

    @GetMapping("/reports/cells")
    public String cells(@RequestParam String agencyCode, @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                        @RequestParam int year, @RequestParam String row, @RequestParam String column, Model model) {
        model.addAttribute("cell", cells.cell(ReportYear.check(year),
                scope.codesFor(AnnualMatrixQueries.requiredAgency(agencyCode), includeSubAgencies), row, column, 0, 500));
        model.addAttribute("rowLabel", cn.opengov.tracker.api.report.MatrixRow.label(row));
        model.addAttribute("columnLabel", "TOTAL".equals(column) ? "总计" : ApplicantType.valueOf(column).label());
        model.addAttribute("back", "/reports?agencyCode=" + agencyCode + "&includeSubAgencies=" + includeSubAgencies + "&year=" + year);
        return "cells";
    }

    /** The outcome categories grouped as the table's rows (一)–(六), for the answer's select. */
    static Map<String, List<OutcomeCategory>> outcomeGroups() {
        Map<String, List<OutcomeCategory>> groups = new LinkedHashMap<>();
        for (OutcomeCategory.OutcomeGroup g : OutcomeCategory.OutcomeGroup.values()) {
            groups.put(g.numbered() + " " + g.label(), Arrays.stream(OutcomeCategory.values()).filter(o -> o.group() == g).toList());
        }
        return groups;
    }

    /** The staff a request the user can see may be assigned to: of the user's agency and its departments. */
    private List<UserAccount> assignableUsers() {
        return users.assignableIn(agencies.codesOf(scope.currentUser().agencyCode(), true));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
