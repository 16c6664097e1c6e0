package cn.opengov.tracker.platform.directory;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Users, stored in PostgreSQL with BCrypt password hashes. */
@Component
public class UserDirectory {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public UserDirectory(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<UserAccount> find(String username) {
        List<UserAccount> found = jdbc.query(
                "SELECT username, password_hash, role, agency_code, enabled FROM app_user WHERE username = ?",
                (rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5)), username);
        return found.stream().findFirst();
    }

    /**
     * The accounts a request of one of these agencies can be assigned to (承办人): enabled staff and supervisors of
     * exactly that agency, by agency and name.
     */
    public List<UserAccount> assignableIn(Collection<String> agencyCodes) {
        return jdbc.query("""
                SELECT username, password_hash, role, agency_code, enabled FROM app_user
                WHERE agency_code = ANY(?) AND enabled AND role IN ('STAFF', 'SUPERVISOR') ORDER BY agency_code, username""",
                (rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5)), (Object) agencyCodes.toArray(String[]::new));
    }

    public void create(String username, String password, Role role, String agencyCode, String createdBy) {
        try {
            jdbc.update("INSERT INTO app_user (username, password_hash, role, agency_code, created_by) VALUES (?, ?, ?, ?, ?)",
                    username, passwordEncoder.encode(password), role.name(), agencyCode, createdBy);
        } catch (DuplicateKeyException e) {
            throw RuleViolation.ofField("username", Rule.USER_EXISTS, username);
        }
    }

    /** Creates the user, or sets the password when it no longer matches: the environment owns it. */
    public void ensure(String username, String password, Role role, String agencyCode) {
        Optional<UserAccount> existing = find(username);
        if (existing.isEmpty()) {
            jdbc.update("""
                    INSERT INTO app_user (username, password_hash, role, agency_code, created_by)
                    VALUES (?, ?, ?, ?, 'install') ON CONFLICT (username) DO NOTHING""",
                    username, passwordEncoder.encode(password), role.name(), agencyCode);
        } else if (!passwordEncoder.matches(password, existing.get().passwordHash())) {
            jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", passwordEncoder.encode(password), username);
        }
    }
}
