package cn.opengov.tracker.query.reminder;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The reminders' record as administrators read it: their own agency tree's users (ROOT's see everyone's). */
@Component
public class ReminderLog {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED");

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final Clock clock;

    public ReminderLog(JdbcTemplate jdbc, AgencyScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * @param day    null for today
     * @param status null for all, else PENDING, SENT or FAILED
     */
    public Day of(LocalDate day, String status) {
        LocalDate on = day == null ? LocalDate.now(clock) : day;
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw RuleViolation.ofField("status", Rule.INVALID_VALUE, "“" + status + "”不是可选的取值；可选：PENDING, SENT, FAILED");
        }
        boolean byStatus = status != null && !status.isBlank();
        List<String> codes = scope.codesFor(scope.currentUser().agencyCode(), true);
        List<Item> items = jdbc.query("""
                SELECT reminder_day, username, agency_code, email, subject, due_soon, overdue, supervised, status,
                       attempts, last_error, next_attempt_at, sent_at
                FROM reminder_sent WHERE reminder_day = ? AND agency_code = ANY(?)""" + (byStatus ? " AND status = ?" : "")
                        + " ORDER BY status, username",
                (rs, i) -> new Item(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getInt(10),
                        rs.getString(11), rs.getTimestamp(12).toInstant(),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant()),
                byStatus ? new Object[] {on, codes.toArray(String[]::new), status} : new Object[] {on, codes.toArray(String[]::new)});
        return new Day(on, items);
    }

    /** One person's reminder of the day. */
    public record Item(LocalDate day, String username, String agencyCode, String email, String subject, int dueSoon,
                       int overdue, int supervised, String status, int attempts, String lastError,
                       Instant nextAttemptAt, Instant sentAt) {
    }

    public record Day(LocalDate day, List<Item> items) {
    }
}
