package cn.opengov.tracker.query.reminder;

import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.query.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoardQueries;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 期限提醒: what each person is sent, once a day whatever runs it how often and from how many nodes, and a failed
 * send retried and shown to administrators. A GreenMail SMTP server of the test's own (a free port) takes the mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersTest extends QuerySideTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = started();

    @Autowired
    DeadlineBoardQueries board;

    @Autowired
    CalendarStore calendars;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserDirectory users;

    @Autowired
    LockProvider lockProvider;

    @Autowired
    ReminderSchedule schedule;

    private String parent;
    private String agency;
    private String clerk;
    private String colleague;
    private String supervisor;
    private String silent;
    private UUID dueSoon;
    private UUID overdueUnassigned;
    private UUID farAway;

    /**
     * The reminders as the query side makes them, sending to this test's SMTP server: built here rather than by a
     * second Spring context with other mail settings, which would be a second query node on the test database.
     */
    private Reminders reminders;

    @BeforeAll
    void setUp() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP_PORT);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        reminders = new Reminders(jdbc, board, agencies, calendars, clock,
                new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
                transactions, 8, 5, 5, "tracker@localhost", "https://tracker.example.gov.cn/");
        parent = newAgency(null);
        agency = newAgency(parent);
        clerk = user(Role.STAFF, agency, true);
        colleague = user(Role.STAFF, agency, true);
        supervisor = user(Role.SUPERVISOR, parent, true);
        silent = user(Role.STAFF, agency, false);
        dueSoon = received(agency, "2026-05-20");
        append(dueSoon, new RequestAssigned(dueSoon, clerk, null));
        overdueUnassigned = received(agency, "2026-04-01");
        farAway = received(agency, "2026-06-12");
        append(farAway, new RequestAssigned(farAway, colleague, null));
        JsonNode soon = boardLine(agency, "2026-06-15", dueSoon);
        assertThat(soon.path("workingDaysLeft").asInt()).as("precondition: due within 5 working days").isBetween(0, 5);
        assertThat(boardLine(agency, "2026-06-15", overdueUnassigned).path("state").asText()).isEqualTo("OVERDUE");
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    private String user(Role role, String agencyCode, boolean withEmail) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "geheim-123", role, agencyCode, "test");
        if (withEmail) {
            users.setEmail(name, name + "@example.gov.cn");
        }
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static List<MimeMessage> to(String username, LocalDate day) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(username + "@example.gov.cn") && m.getSubject().contains(day.toString())) {
                found.add(m);
            }
        }
        return found;
    }

    private static String body(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    @Test
    void eachPersonIsToldTheirOwnAndTheirAgencysUnassignedRequestsAndSupervisorsTheOverdueOnes() throws Exception {
        LocalDate day = LocalDate.parse("2026-06-15");
        reminders.plan(day);
        reminders.sendWaiting();

        List<MimeMessage> clerks = to(clerk, day);
        assertThat(clerks).hasSize(1);
        String clerkBody = body(clerks.get(0));
        assertThat(clerks.get(0).getSubject()).startsWith("【期限提醒】2026-06-15 您有2件申请即将到期或已超期");
        assertThat(clerkBody).contains("5个工作日内到期（1件）").contains("已超期（请尽快答复）（1件）")
                .contains("https://tracker.example.gov.cn/requests/" + dueSoon)
                .contains("https://tracker.example.gov.cn/requests/" + overdueUnassigned)
                .contains("（未分配承办人）")
                .doesNotContain(farAway.toString())
                .doesNotContain("申请人");

        String colleagues = body(to(colleague, day).get(0));
        assertThat(colleagues).contains(overdueUnassigned.toString()).doesNotContain(dueSoon.toString())
                .doesNotContain(farAway.toString());

        List<MimeMessage> supervisors = to(supervisor, day);
        assertThat(supervisors).hasSize(1);
        assertThat(supervisors.get(0).getSubject()).contains("督办范围内");
        assertThat(body(supervisors.get(0))).contains("督办：所辖机关已超期的申请").contains(overdueUnassigned.toString())
                .doesNotContain(dueSoon.toString());

        assertThat(smtp.getReceivedMessagesForDomain(silent + "@example.gov.cn")).isEmpty();

        JsonNode log = admin().get("/api/admin/reminders?day=2026-06-15").json();
        assertThat(log.path("items").findValuesAsText("username")).contains(clerk, colleague, supervisor).doesNotContain(silent);
        assertThat(log.path("items").findValuesAsText("status")).containsOnly("SENT");
    }

    @Test
    void twoNodesRunningTogetherAndRunningAgainSendEachPersonOneMessage() throws Exception {
        LocalDate day = LocalDate.parse("2026-06-16");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pass = () -> {
                reminders.plan(day);
                return reminders.sendWaiting();
            };
            List<Future<Integer>> runs = nodes.invokeAll(List.of(pass, pass, pass, pass));
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            int people = jdbc.queryForObject("SELECT count(*) FROM reminder_sent WHERE reminder_day = ?", Integer.class, day);
            assertThat(sent).isEqualTo(people);
        } finally {
            nodes.shutdown();
        }
        reminders.plan(day);
        reminders.sendWaiting();
        for (String person : List.of(clerk, colleague, supervisor)) {
            assertThat(to(person, day)).as(person).hasSize(1);
        }

        // the scheduled pass runs under ShedLock's lock in PostgreSQL ...
        schedule.remind();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shedlock WHERE name = 'reminders'", Integer.class)).isEqualTo(1);
        // ... which is one for all nodes: held by one, refused to the other
        LockConfiguration config = new LockConfiguration(Instant.now(), "reminders-test", Duration.ofMinutes(1), Duration.ZERO);
        Optional<SimpleLock> first = lockProvider.lock(config);
        assertThat(first).isPresent();
        assertThat(lockProvider.lock(config)).isEmpty();
        first.get().unlock();
    }

    @Test
    void aFailedSendIsRetriedAndAdministratorsSeeIt() throws Exception {
        LocalDate day = LocalDate.parse("2026-06-17");
        smtp.stop();
        try {
            reminders.plan(day);
            assertThat(reminders.sendWaiting()).isZero();
        } finally {
            smtp = started();
        }
        ApiClient.Response failed = admin().get("/api/admin/reminders?day=2026-06-17&status=FAILED");
        assertThat(failed.status()).isEqualTo(200);
        JsonNode clerkLine = null;
        for (JsonNode item : failed.json().path("items")) {
            if (item.path("username").asText().equals(clerk)) {
                clerkLine = item;
            }
        }
        assertThat(clerkLine).isNotNull();
        assertThat(clerkLine.path("attempts").asInt()).isEqualTo(1);
        assertThat(clerkLine.path("lastError").asText()).isNotBlank();
        assertThat(to(clerk, day)).isEmpty();

        // not before its turn ...
        assertThat(reminders.sendWaiting()).isZero();
        // ... then sent
        jdbc.update("UPDATE reminder_sent SET next_attempt_at = now() WHERE reminder_day = ?", day);
        assertThat(reminders.sendWaiting()).isPositive();
        assertThat(to(clerk, day)).hasSize(1);
        assertThat(admin().get("/api/admin/reminders?day=2026-06-17&status=FAILED").json().path("items")
                .findValuesAsText("username")).doesNotContain(clerk);

        String staffOnly = user(Role.STAFF, agency, false);
        assertThat(ApiClient.at("http://localhost:" + port).as(staffOnly, "geheim-123").get("/api/admin/reminders").status())
                .isEqualTo(403);
    }
}
