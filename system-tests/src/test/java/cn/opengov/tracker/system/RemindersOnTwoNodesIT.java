package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 期限提醒 once per person per day with two query nodes (issue 15): two real query-side processes on one database,
 * both running the reminders every second (a pass each node is offered dozens of times), sending to this test's
 * SMTP server. Every recipient gets exactly one message, whichever node planned the day and whichever sent it.
 * <p>
 * The database is the test's own ({@code <test database>_reminders}): the shared system's query side runs reminders
 * on the same fixed day, and a day is planned once.
 */
class RemindersOnTwoNodesIT {

    private static final int STAFF = 12;

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void everyRecipientGetsOneMessageWhileBothNodesRunTheRemindersEverySecond() throws Exception {
        String url = ownDatabase();
        GreenMail smtp = new GreenMail(new ServerSetup(SystemUnderTest.anyFreePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<Process> processes = new ArrayList<>();
        try {
            int commandPort = SystemUnderTest.anyFreePort();
            processes.add(system.startExtraOn(url, user(), password(), "command-side", commandPort));
            ApiClient admin = ApiClient.at("http://localhost:" + commandPort).as("admin", "admin");
            String parent = agency(admin, null, "提醒测试市");
            String agency = agency(admin, parent, "提醒测试局");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < STAFF; i++) {
                expected.add(user(admin, "clerk" + i, "STAFF", agency));
            }
            expected.add(user(admin, "lead", "SUPERVISOR", parent));
            user(admin, "quiet", "STAFF", agency, false);
            // at the system's day (2026-06-15): overdue and unassigned (every clerk is told), and due within days
            // and assigned to the first clerk
            String overdue = request(admin, agency, "2026-04-01");
            String dueSoon = request(admin, agency, "2026-05-20");
            assertThat(admin.post("/api/requests/" + dueSoon + "/assignment", Map.of("username", expected.get(0))).status())
                    .isEqualTo(200);

            // the read models are projected by a node that sends nothing, so that the day is planned from a full board
            int setupPort = SystemUnderTest.anyFreePort();
            Process setup = system.startExtraOn(url, user(), password(), "query-side", setupPort, "--tracker.reminders.enabled=false");
            processes.add(setup);
            ApiClient board = admin.on("http://localhost:" + setupPort);
            board.await("/api/deadlines?agencyCode=" + agency, j -> j.path("items").size() == 2, Duration.ofSeconds(60));
            assertThat(board.get("/api/deadlines?agencyCode=" + agency).json().path("items").findValuesAsText("state"))
                    .contains("OVERDUE");
            setup.destroy();
            setup.waitFor();

            String[] reminderOptions = {"--tracker.reminders.cron=* * * * * *", "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtp.getSmtp().getPort()};
            int[] ports = {SystemUnderTest.anyFreePort(), SystemUnderTest.anyFreePort()};
            List<Process> nodes = new ArrayList<>();
            for (int port : ports) {
                nodes.add(system.launch(url, user(), password(), "query-side", port, reminderOptions));
            }
            processes.addAll(nodes);
            for (int port : ports) {
                SystemUnderTest.awaitReady("http://localhost:" + port, "query-side on " + port);
            }

            assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), expected.size()))
                    .as("every recipient's reminder arrives").isTrue();
            // both nodes keep running a pass every second: nothing more may arrive
            long watchUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < watchUntil) {
                assertThat(nodes).allMatch(Process::isAlive);
                assertThat(smtp.getReceivedMessages()).hasSize(expected.size());
                Thread.sleep(250);
            }

            Map<String, Integer> perAddress = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                for (var to : m.getRecipients(Message.RecipientType.TO)) {
                    perAddress.merge(to.toString(), 1, Integer::sum);
                }
            }
            assertThat(perAddress).isEqualTo(expected.stream().collect(Collectors.toMap(RemindersOnTwoNodesIT::address, u -> 1)));
            assertThat(perAddress).doesNotContainKey(address("quiet"));
            assertThat(count(url, "SELECT count(*) FROM reminder_day")).isEqualTo(1);
            assertThat(count(url, "SELECT count(*) FROM reminder_sent WHERE status = 'SENT' AND attempts = 1"))
                    .isEqualTo(expected.size());
            assertThat(count(url, "SELECT count(*) FROM reminder_sent")).isEqualTo(expected.size());
            for (int port : ports) {
                assertThat(Files.readString(system.logFile("query-side", port), StandardCharsets.UTF_8))
                        .as("query-side on " + port + " sent without a failure").doesNotContain("not sent");
            }
        } finally {
            for (Process p : processes) {
                p.destroyForcibly().waitFor();
            }
            smtp.stop();
            // the test touches only what it creates, and leaves none of it behind
            TestDatabase.execute("DROP DATABASE IF EXISTS " + name(url) + " WITH (FORCE)");
        }
    }

    private static String address(String username) {
        return username + "@example.gov.cn";
    }

    private static String agency(ApiClient admin, String parent, String name) {
        String code = "M" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        assertThat(admin.post("/api/agencies", body).status()).isEqualTo(201);
        return code;
    }

    private static String user(ApiClient admin, String username, String role, String agency) {
        return user(admin, username, role, agency, true);
    }

    private static String user(ApiClient admin, String username, String role, String agency, boolean withEmail) {
        assertThat(admin.post("/api/users", Map.of("username", username, "password", "geheim-123", "role", role,
                "agencyCode", agency)).status()).isEqualTo(201);
        if (withEmail) {
            assertThat(admin.post("/api/users/" + username + "/email", Map.of("email", address(username))).status()).isEqualTo(200);
        }
        return username;
    }

    private static String request(ApiClient admin, String agency, String receivedOn) {
        ApiClient.Response r = admin.post("/api/requests", Map.of("agencyCode", agency, "receivedOn", receivedOn,
                "channel", "ONLINE", "applicant", Map.of("type", "NATURAL_PERSON", "name", "张三"),
                "description", "申请公开某事项"));
        assertThat(r.status()).isEqualTo(201);
        return r.field("requestId");
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** A database of this test's own beside the test run's, created afresh. */
    private static String ownDatabase() throws SQLException {
        String testUrl = System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/tracker_test");
        String name = name(testUrl) + "_reminders";
        TestDatabase.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        TestDatabase.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + name;
    }

    private static long count(String url, String sql) throws SQLException {
        try (var c = java.sql.DriverManager.getConnection(url, user(), password()); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String user() {
        return System.getProperty("test.db.user", "postgres");
    }

    private static String password() {
        return System.getProperty("test.db.password", "");
    }
}
