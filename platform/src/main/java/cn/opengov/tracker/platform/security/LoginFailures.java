package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.web.InputText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every failed login, with who tried, from where and when ({@code login_failure}); never the password. Entries
 * older than {@code tracker.login.keep-failures} (default 180 days) are removed now and then as new ones come.
 */
@Component
public class LoginFailures {

    /** Why a login failed. */
    public enum Reason {
        BAD_CREDENTIALS, UNKNOWN_USER, DISABLED, THROTTLED
    }

    private final JdbcTemplate jdbc;
    private final Duration keep;

    public LoginFailures(JdbcTemplate jdbc, @Value("${tracker.login.keep-failures:180d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    public void record(String username, String address, Reason reason) {
        jdbc.update("INSERT INTO login_failure (username, address, reason) VALUES (?, ?, ?)",
                clip(username, 64), clip(address, 64), reason.name());
        if (ThreadLocalRandom.current().nextInt(1000) == 0) {
            jdbc.update("DELETE FROM login_failure WHERE failed_at < now() - make_interval(secs => ?)", (double) keep.toSeconds());
        }
    }

    /**
     * The newest failures first. {@code agencyCodes} null: all of them (administrators of the top agency);
     * otherwise those of the users of these agencies.
     */
    public List<Entry> recent(List<String> agencyCodes, String username, int limit) {
        StringBuilder sql = new StringBuilder("SELECT f.failed_at, f.username, f.address, f.reason FROM login_failure f");
        List<Object> args = new ArrayList<>();
        if (agencyCodes != null) {
            sql.append(" JOIN app_user u ON u.username = f.username AND u.agency_code = ANY (?)");
            args.add(agencyCodes.toArray(String[]::new));
        }
        if (username != null) {
            sql.append(" WHERE f.username = ?");
            args.add(username);
        }
        sql.append(" ORDER BY f.failed_at DESC, f.id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4)), args.toArray());
    }

    private static String clip(String text, int max) {
        String printable = text == null ? "" : InputText.printable(text);
        if (printable.length() <= max) {
            return printable;
        }
        return printable.substring(0, Character.isHighSurrogate(printable.charAt(max - 1)) ? max - 1 : max);
    }

    /** One failed login, as an administrator reads it. */
    public record Entry(Instant at, String username, String address, String reason) {
    }
}
