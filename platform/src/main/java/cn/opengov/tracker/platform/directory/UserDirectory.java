package cn.opengov.tracker.platform.directory;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Users, stored in PostgreSQL with BCrypt password hashes. Every change is recorded in {@link DirectoryAudit} in
 * its own transaction and moves the account's version.
 */
@Component
public class UserDirectory {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final DirectoryAudit audit;

    public UserDirectory(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, DirectoryAudit audit) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    public Optional<UserAccount> find(String username) {
        List<UserAccount> found = jdbc.query(
                "SELECT username, password_hash, role, agency_code, enabled, version FROM app_user WHERE username = ?",
                (rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getLong(6)), username);
        return found.stream().findFirst();
    }

    /**
     * The accounts a request of one of these agencies can be assigned to (承办人): enabled staff and supervisors of
     * exactly that agency, by agency and name.
     */
    public List<UserAccount> assignableIn(Collection<String> agencyCodes) {
        return jdbc.query("""
                SELECT username, password_hash, role, agency_code, enabled, version FROM app_user
                WHERE agency_code = ANY(?) AND enabled AND role IN ('STAFF', 'SUPERVISOR') ORDER BY agency_code, username""",
                (rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getLong(6)), (Object) agencyCodes.toArray(String[]::new));
    }

    /** Every account of these agencies, enabled or not (the administrators' user page), by agency and name. */
    public List<UserAccount> in(Collection<String> agencyCodes) {
        return jdbc.query("""
                SELECT username, password_hash, role, agency_code, enabled, version FROM app_user
                WHERE agency_code = ANY(?) ORDER BY agency_code, username""",
                (rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getLong(6)), (Object) agencyCodes.toArray(String[]::new));
    }

    public UserAccount require(String username) {
        return find(username).orElseThrow(() -> RuleViolation.ofField("username", Rule.USER_NOT_FOUND, username));
    }

    @Transactional
    public void create(String username, String password, Role role, String agencyCode, String createdBy) {
        requireSettable(password);
        try {
            jdbc.update("INSERT INTO app_user (username, password_hash, role, agency_code, created_by) VALUES (?, ?, ?, ?, ?)",
                    username, passwordEncoder.encode(password), role.name(), agencyCode, createdBy);
        } catch (DuplicateKeyException e) {
            throw RuleViolation.ofField("username", Rule.USER_EXISTS, username);
        }
        audit.record(createdBy, DirectoryAudit.Action.USER_CREATED, username, agencyCode, role.name());
    }

    /** Disables or enables the account; a disabled user is refused from their next request on, on every node. */
    @Transactional
    public void setEnabled(String username, boolean enabled, String changedBy) {
        UserAccount account = require(username);
        jdbc.update("UPDATE app_user SET enabled = ?, version = version + 1 WHERE username = ?", enabled, username);
        audit.record(changedBy, enabled ? DirectoryAudit.Action.USER_ENABLED : DirectoryAudit.Action.USER_DISABLED,
                username, account.agencyCode(), null);
    }

    /** Sets a new password: by an administrator (reset) or by the user (change); earlier logins end. */
    @Transactional
    public void setPassword(String username, String password, String changedBy) {
        requireSettable(password);
        UserAccount account = require(username);
        jdbc.update("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE username = ?",
                passwordEncoder.encode(password), username);
        audit.record(changedBy, username.equals(changedBy) ? DirectoryAudit.Action.PASSWORD_CHANGED
                : DirectoryAudit.Action.PASSWORD_RESET, username, account.agencyCode(), null);
    }

    /** Where the user's reminders (期限提醒) go; null for none. Logins are not affected. */
    @Transactional
    public void setEmail(String username, String email) {
        require(username);
        jdbc.update("UPDATE app_user SET email = ? WHERE username = ?", email, username);
    }

        private static void requireSettable(String password) {
        if (!Passwords.fitsBcrypt(password)) {
            throw RuleViolation.ofField("password", Rule.INVALID_VALUE, Passwords.problem(password));
        }
    }

    /** Creates the user, or sets the password when it no longer matches: the environment owns it. */
    @Transactional
    public void ensure(String username, String password, Role role, String agencyCode) {
        Optional<UserAccount> existing = find(username);
        if (existing.isEmpty()) {
            int created = jdbc.update("""
                    INSERT INTO app_user (username, password_hash, role, agency_code, created_by)
                    VALUES (?, ?, ?, ?, 'install') ON CONFLICT (username) DO NOTHING""",
                    username, passwordEncoder.encode(password), role.name(), agencyCode);
            if (created == 1) {
                audit.record("install", DirectoryAudit.Action.USER_CREATED, username, agencyCode, role.name());
            }
        } else if (!passwordEncoder.matches(password, existing.get().passwordHash())) {
            setPassword(username, password, "install");
        }
    }
}
