package cn.opengov.tracker.platform.directory;

/**
 * A user of the tracker: one role, one agency. {@code version} moves with every change of the account (password,
 * enabled, role, agency), so that a login made before the change can be told apart.
 */
public record UserAccount(String username, String passwordHash, Role role, String agencyCode, boolean enabled,
                          long version) {
}
