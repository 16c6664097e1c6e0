package cn.opengov.tracker.query.reminder;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoard.BoardItem;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoardQueries;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 期限提醒 (issue 15): each working day (the loaded holiday notices decide) from {@code tracker.reminders.hour}
 * (China time) on, every enabled user with an e-mail address gets one message: the requests assigned to them — or,
 * while unassigned, their agency's, if they are its staff — that are overdue or due within
 * {@code tracker.reminders.due-within} working days, and for a supervisor the overdue requests of the agencies they
 * oversee.
 * <p>
 * Once per person per day, on any number of query nodes: the day is planned once ({@code reminder_day}, first
 * writer wins), each message is written ({@code reminder_sent}, keyed by day and user) before it is sent, and a
 * send is claimed by moving its next attempt ahead, so two nodes never send the same row. These writes commit
 * synchronously (the query side's connections otherwise do not): a crash must not forget a message was sent. A
 * failed send is retried with a growing wait, up to {@code tracker.reminders.max-attempts}, and administrators see
 * it ({@code GET /api/admin/reminders}).
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final JdbcTemplate jdbc;
    private final DeadlineBoardQueries board;
    private final AgencyDirectory agencies;
    private final CalendarStore calendars;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate transaction;
    private final int hour;
    private final int dueWithin;
    private final int maxAttempts;
    private final String from;
    private final String linkBase;

    public Reminders(JdbcTemplate jdbc, DeadlineBoardQueries board, AgencyDirectory agencies, CalendarStore calendars,
                     Clock clock, ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactions,
                     @Value("${tracker.reminders.hour:8}") int hour,
                     @Value("${tracker.reminders.due-within:5}") int dueWithin,
                     @Value("${tracker.reminders.max-attempts:5}") int maxAttempts,
                     @Value("${tracker.reminders.from:tracker@localhost}") String from,
                     @Value("${tracker.reminders.link-base:http://localhost:8080}") String linkBase) {
        this.jdbc = jdbc;
        this.board = board;
        this.agencies = agencies;
        this.calendars = calendars;
        this.clock = clock;
        this.mail = mail;
        this.transaction = new TransactionTemplate(transactions);
        this.hour = hour;
        this.dueWithin = dueWithin;
        this.maxAttempts = maxAttempts;
        this.from = from;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /** The scheduled pass: plans today once it is due, then sends what waits (new messages and retries). */
    public Outcome run() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        int planned = 0;
        if (now.getHour() >= hour && isWorkingDay(now.toLocalDate())) {
            planned = plan(now.toLocalDate());
        }
        return new Outcome(planned, sendWaiting());
    }

    private boolean isWorkingDay(LocalDate day) {
        try {
            return calendars.current().isWorkingDay(day);
        } catch (CalendarNotLoadedException e) {
            log.warn("reminders skipped: the holiday notice of {} is not loaded", day.getYear());
            return false;
        }
    }

    /** Writes the day's messages, unless a node has already done so; answers how many it wrote. */
    int plan(LocalDate day) {
        Integer written = transaction.execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = on");
            int first = jdbc.update("INSERT INTO reminder_day (reminder_day, recipients) VALUES (?, 0) ON CONFLICT DO NOTHING", day);
            if (first == 0) {
                return 0;
            }
            int n = 0;
            for (ReminderDigest d : digests(day)) {
                n += jdbc.update("""
                        INSERT INTO reminder_sent (reminder_day, username, agency_code, email, subject, body, due_soon,
                            overdue, supervised, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') ON CONFLICT DO NOTHING""",
                        day, d.recipient().username(), d.recipient().agencyCode(), d.recipient().email(),
                        ReminderMail.subject(day, d), ReminderMail.body(day, d, dueWithin, linkBase), d.dueSoon().size(),
                        d.overdue().size(), d.supervised().size());
            }
            jdbc.update("UPDATE reminder_day SET recipients = ? WHERE reminder_day = ?", n, day);
            return n;
        });
        return written == null ? 0 : written;
    }

    /** Who is told what on the day. */
    List<ReminderDigest> digests(LocalDate day) {
        List<Recipient> recipients = jdbc.query("""
                SELECT username, role, agency_code, email FROM app_user
                WHERE enabled AND email IS NOT NULL AND email <> '' ORDER BY username""",
                (rs, i) -> new Recipient(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
        if (recipients.isEmpty()) {
            return List.of();
        }
        Map<String, ReminderDigest> byUser = new LinkedHashMap<>();
        recipients.forEach(r -> byUser.put(r.username(), new ReminderDigest(r)));
        for (BoardItem item : board.everyAgency(day)) {
            boolean overdue = item.state() == BoardState.OVERDUE;
            boolean dueSoon = !overdue && item.answerDueOn() != null && item.workingDaysLeft() != null
                    && item.workingDaysLeft() <= dueWithin;
            if (overdue || dueSoon) {
                for (Recipient r : handlers(item, recipients)) {
                    ReminderDigest d = byUser.get(r.username());
                    (overdue ? d.overdue() : d.dueSoon()).add(item);
                }
            }
            if (overdue) {
                for (Recipient r : recipients) {
                    if (r.role() == Role.SUPERVISOR && agencies.isWithin(item.agencyCode(), r.agencyCode())) {
                        byUser.get(r.username()).supervised().add(item);
                    }
                }
            }
        }
        return byUser.values().stream().filter(d -> !d.isEmpty()).toList();
    }

    /** The 承办人, or while there is none, the agency's staff. */
    private static List<Recipient> handlers(BoardItem item, List<Recipient> recipients) {
        List<Recipient> found = new ArrayList<>();
        for (Recipient r : recipients) {
            if (item.assignee() != null ? r.username().equals(item.assignee())
                    : r.role() == Role.STAFF && r.agencyCode().equals(item.agencyCode())) {
                found.add(r);
            }
        }
        return found;
    }

    /** Sends every message whose turn has come, each claimed first; answers how many went out. */
    int sendWaiting() {
        int sent = 0;
        Optional<Claimed> next;
        while ((next = claim()).isPresent()) {
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** Takes one waiting message for this node: its next attempt moves ten minutes ahead, so no other node takes it. */
    private Optional<Claimed> claim() {
        return Optional.ofNullable(transaction.execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = on");
            List<Claimed> rows = jdbc.query("""
                    UPDATE reminder_sent SET next_attempt_at = clock_timestamp() + interval '10 minutes', attempts = attempts + 1
                    WHERE (reminder_day, username) = (
                        SELECT reminder_day, username FROM reminder_sent
                        WHERE status <> 'SENT' AND attempts < ? AND next_attempt_at <= clock_timestamp()
                        ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING reminder_day, username, email, subject, body, attempts""",
                    (rs, i) -> new Claimed(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6)), maxAttempts);
            return rows.isEmpty() ? null : rows.get(0);
        }));
    }

    private boolean send(Claimed c) {
        String error;
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            error = "未配置邮件服务器：请设置 SPRING_MAIL_HOST（和 SPRING_MAIL_PORT）";
        } else {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                helper.setFrom(new InternetAddress(from, "依申请公开案件管理", StandardCharsets.UTF_8.name()));
                helper.setTo(c.email());
                helper.setSubject(c.subject());
                helper.setText(c.body(), false);
                sender.send(message);
                transaction.executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL synchronous_commit = on");
                    jdbc.update("UPDATE reminder_sent SET status = 'SENT', sent_at = clock_timestamp(), last_error = NULL "
                            + "WHERE reminder_day = ? AND username = ?", c.day(), c.username());
                });
                return true;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        // no address in the log: the table, which administrators read, has the details
        log.warn("reminder of {} not sent (attempt {}): {}", c.day(), c.attempts(), error.length() > 200 ? error.substring(0, 200) : error);
        String failure = error;
        transaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE reminder_sent SET status = 'FAILED', last_error = ?,
                    next_attempt_at = clock_timestamp() + make_interval(mins => ?)
                WHERE reminder_day = ? AND username = ?""",
                failure.length() > 2000 ? failure.substring(0, 2000) : failure, 1 << Math.min(c.attempts(), 10), c.day(),
                c.username()));
        return false;
    }

    private record Claimed(LocalDate day, String username, String email, String subject, String body, int attempts) {
    }

    /** What a pass did: messages planned and messages sent. */
    public record Outcome(int planned, int sent) {
    }
}
