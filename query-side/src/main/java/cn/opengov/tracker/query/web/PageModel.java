package cn.opengov.tracker.query.web;

import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.LocalDate;

/** What the layout of the pages added after the first ones needs: the user, their agency, today, the command URL. */
@Component
public class PageModel {

    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final String commandUrl;

    public PageModel(AgencyScope scope, AgencyDirectory agencies, Clock clock, @Value("${tracker.command-url:}") String commandUrl) {
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
        this.commandUrl = commandUrl;
    }

    public void fill(Model model) {
        CurrentUser user = scope.currentUser();
        model.addAttribute("commandUrl", commandUrl);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("user", user);
        model.addAttribute("userAgency", agencies.find(user.agencyCode()).map(Agency::name).orElse(user.agencyCode()));
    }
}
