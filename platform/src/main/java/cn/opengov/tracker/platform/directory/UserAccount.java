package cn.opengov.tracker.platform.directory;

/** A user of the tracker: one role, one agency. */
public record UserAccount(String username, String passwordHash, Role role, String agencyCode, boolean enabled) {
}
