package cn.opengov.tracker.query.reminder;

import cn.opengov.tracker.platform.directory.Role;

/** A user who can be reminded: enabled, with an e-mail address. */
record Recipient(String username, Role role, String agencyCode, String email) {
}
