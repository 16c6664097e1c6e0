package cn.opengov.tracker.query.web;

import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.platform.directory.Letterheads;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' pages: users and agencies (create, disable, reset a password, the agency tree with each
 * agency's letterhead) and the holiday calendar (load next year's State Council notice, with a preview of what it
 * moves). The pages read the directories here; every change is sent to the command side's endpoints (API.md).
 */
@Controller
public class AdminPageController {

    private final PageModel page;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final Letterheads letterheads;
    private final CalendarStore calendars;
    private final Clock clock;

    public AdminPageController(PageModel page, AgencyScope scope, AgencyDirectory agencies, UserDirectory users,
                               Letterheads letterheads, CalendarStore calendars, Clock clock) {
        this.page = page;
        this.scope = scope;
        this.agencies = agencies;
        this.users = users;
        this.letterheads = letterheads;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        CurrentUser admin = admin();
        page.fill(model);
        List<String> codes = agencies.codesOf(admin.agencyCode(), true);
        List<Agency> tree = agencies.all().stream().filter(a -> codes.contains(a.code())).toList();
        Map<String, Letterhead> heads = new LinkedHashMap<>();
        tree.forEach(a -> letterheads.find(a.code()).ifPresent(l -> heads.put(a.code(), l)));
        Map<String, String> names = new LinkedHashMap<>();
        tree.forEach(a -> names.put(a.code(), a.name()));
        model.addAttribute("tree", tree);
        model.addAttribute("letterheads", heads);
        model.addAttribute("agencyNames", names);
        model.addAttribute("accounts", users.in(codes));
        model.addAttribute("roles", Role.values());
        return "admin-users";
    }

    @GetMapping("/admin/calendar")
    public String calendar(Model model) {
        admin();
        page.fill(model);
        List<CalendarStore.YearInfo> years = calendars.years();
        int next = years.stream().mapToInt(CalendarStore.YearInfo::year).max().orElse(LocalDate.now(clock).getYear()) + 1;
        model.addAttribute("years", years);
        model.addAttribute("nextYear", next);
        model.addAttribute("systemWide", scope.atTopAgency());
        return "admin-calendar";
    }

    private CurrentUser admin() {
        scope.requireRole(Role.ADMIN);
        return scope.currentUser();
    }
}
