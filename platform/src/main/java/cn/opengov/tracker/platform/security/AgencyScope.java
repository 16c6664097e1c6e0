package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * SPEC §1: a user sees and acts on the requests of their own agency and its descendants only. Every controller
 * asks here before it reads or writes.
 */
@Component
public class AgencyScope {

    private final AgencyDirectory agencies;

    public AgencyScope(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    public CurrentUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            throw new AccessDeniedException("未登录");
        }
        return user;
    }

    public boolean canSee(String agencyCode) {
        return agencies.isWithin(agencyCode, currentUser().agencyCode());
    }

    /** The user belongs to the top agency: their scope is every agency ({@link SystemAdministration}). */
    public boolean atTopAgency() {
        return AgencyDirectory.TOP.equals(currentUser().agencyCode());
    }

    /** Refuses (403) an agency outside the user's tree; an unknown agency is a 404. */
    public void requireWithin(String agencyCode) {
        requireWithin(agencies.tree(), agencyCode);
    }

    public void requireRole(Role role) {
        if (!currentUser().isAtLeast(role)) {
            throw new AccessDeniedException("此操作需要" + role.label() + "权限");
        }
    }

    /**
     * The agency codes a list, board or report covers: the given agency (checked to be in scope), with its
     * descendants when asked; without an agency, the user's own agency and all its descendants. One version of
     * the tree answers the whole question.
     */
    public List<String> codesFor(String agencyCode, boolean includeDescendants) {
        AgencyDirectory.AgencyTree tree = agencies.tree();
        if (agencyCode == null || agencyCode.isBlank()) {
            return tree.codesOf(currentUser().agencyCode(), true);
        }
        requireWithin(tree, agencyCode);
        return tree.codesOf(agencyCode, includeDescendants);
    }

    private void requireWithin(AgencyDirectory.AgencyTree tree, String agencyCode) {
        tree.require(agencyCode);
        if (!tree.isWithin(agencyCode, currentUser().agencyCode())) {
            throw new AccessDeniedException("无权访问机关 " + agencyCode + " 的数据：只能访问本机关及下级机关");
        }
    }
}
