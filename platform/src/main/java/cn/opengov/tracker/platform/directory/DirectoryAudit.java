package cn.opengov.tracker.platform.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Who created or changed which agency or user, and when ({@code directory_audit}). Written in the transaction of
 * the change itself, so there is no change without its entry.
 */
@Component
public class DirectoryAudit {

    /** What was done. */
    public enum Action {
        AGENCY_CREATED, USER_CREATED, USER_DISABLED, USER_ENABLED, PASSWORD_RESET, PASSWORD_CHANGED, CALENDAR_LOADED
    }

    private final JdbcTemplate jdbc;

    public DirectoryAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, Action action, String subject, String agencyCode, String detail) {
        jdbc.update("INSERT INTO directory_audit (actor, action, subject, agency_code, detail) VALUES (?, ?, ?, ?, ?)",
                actor, action.name(), subject, agencyCode, detail);
    }

    /** The newest entries first; {@code agencyCodes} null for all of them (administrators of the top agency). */
    public List<Entry> recent(List<String> agencyCodes, int limit) {
        String sql = "SELECT at, actor, action, subject, agency_code, detail FROM directory_audit "
                + (agencyCodes == null ? "" : "WHERE agency_code = ANY (?) ") + "ORDER BY at DESC, id DESC LIMIT ?";
        Object[] args = agencyCodes == null ? new Object[] {limit} : new Object[] {agencyCodes.toArray(String[]::new), limit};
        return jdbc.query(sql, (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)), args);
    }

    /** One entry, as an administrator reads it. */
    public record Entry(Instant at, String actor, String action, String subject, String agencyCode, String detail) {
    }
}
