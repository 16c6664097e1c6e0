package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.Role;

import java.io.Serializable;
import java.security.Principal;

/**
 * The authenticated user, as every check of role and agency scope sees them. {@code accountVersion} is the
 * account's version at login: a login session whose version is no longer the account's has ended
 * ({@link AccountStillValidFilter}). A session stored before the field existed reads back with version 0.
 */
public record CurrentUser(String username, Role role, String agencyCode, long accountVersion)
        implements Principal, Serializable {

    public CurrentUser(String username, Role role, String agencyCode) {
        this(username, role, agencyCode, 0);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean isAtLeast(Role required) {
        return role.ordinal() >= required.ordinal();
    }
}
