package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.Role;

import java.io.Serializable;
import java.security.Principal;

/** The authenticated user, as every check of role and agency scope sees them. */
public record CurrentUser(String username, Role role, String agencyCode) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public boolean isAtLeast(Role required) {
        return role.ordinal() >= required.ordinal();
    }
}
