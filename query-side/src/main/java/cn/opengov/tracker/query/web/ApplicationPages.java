package cn.opengov.tracker.query.web;

import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.CurrentUser;
import cn.opengov.tracker.query.application.ApplicationInbox;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoardQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The pages of online applications and of the clerk's own work: the applicant's 在线申请 and 进度查询 (no login,
 * under /public), the staff's 网上申请 inbox (confirming one opens the new case) and 我的待办 (the requests assigned
 * to the user, soonest due first: the clerk's landing page).
 */
@Controller
public class ApplicationPages {

    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final ApplicationInbox inbox;
    private final DeadlineBoardQueries board;
    private final Clock clock;
    private final String commandUrl;

    public ApplicationPages(AgencyScope scope, AgencyDirectory agencies, ApplicationInbox inbox, DeadlineBoardQueries board,
                            Clock clock, @Value("${tracker.command-url:}") String commandUrl) {
        this.scope = scope;
        this.agencies = agencies;
        this.inbox = inbox;
        this.board = board;
        this.clock = clock;
        this.commandUrl = commandUrl;
    }

    @GetMapping("/public/apply")
    public String apply(Model model) {
        model.addAttribute("commandUrl", commandUrl);
        model.addAttribute("agencies", agencies.all().stream().filter(a -> !AgencyDirectory.TOP.equals(a.code())).toList());
        model.addAttribute("applicantTypes", ApplicantType.values());
        model.addAttribute("deliveryForms", DeliveryForm.values());
        return "public-apply";
    }

    @GetMapping("/public/lookup")
    public String lookup() {
        return "public-lookup";
    }

    @GetMapping("/applications")
    public String applications(@RequestParam(required = false) String agencyCode,
                               @RequestParam(required = false) String status, Model model) {
        staffPage(model);
        String wanted = status == null || status.isBlank() ? "PENDING" : status;
        model.addAttribute("items", inbox.list(blankToNull(agencyCode), wanted));
        model.addAttribute("agencyCode", agencyCode == null ? "" : agencyCode);
        model.addAttribute("status", wanted);
        return "inbox";
    }

    @GetMapping("/my")
    public String myTasks(Model model) {
        CurrentUser user = staffPage(model);
        model.addAttribute("board", board.board(user.agencyCode(), true, null, null, user.username()));
        model.addAttribute("pendingApplications", inbox.list(null, "PENDING").size());
        return "my-tasks";
    }

    private CurrentUser staffPage(Model model) {
        CurrentUser user = scope.currentUser();
        model.addAttribute("commandUrl", commandUrl);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("user", user);
        model.addAttribute("userAgency", agencies.find(user.agencyCode()).map(Agency::name).orElse(user.agencyCode()));
        List<String> visible = agencies.codesOf(user.agencyCode(), true);
        model.addAttribute("agencies", agencies.all().stream().filter(a -> visible.contains(a.code())).toList());
        return user;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
