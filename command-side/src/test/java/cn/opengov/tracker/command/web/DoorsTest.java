package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.platform.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11's doors: no session for a call that is not logged in, Actuator beyond health for administrators, an
 * event store that cannot be changed, and a holiday calendar that only the top agency's administrators replace,
 * with a notice checked whole first.
 */
class DoorsTest extends CommandSideTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CalendarStore calendars;

    private long sessions() {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
    }

    @Test
    void aCallThatIsNotLoggedInStartsNoSession() {
        long before = sessions();
        for (int i = 0; i < 10; i++) {
            // as curl asks: no Accept header, or */* (a JSON Accept happened not to be remembered for a login)
            for (String head : List.of("GET /api/requests HTTP/1.1\r\nHost: localhost",
                    "GET /api/admin/audit HTTP/1.1\r\nHost: localhost\r\nAccept: */*",
                    "GET /actuator/metrics HTTP/1.1\r\nHost: localhost\r\nAccept: */*",
                    "GET /api/admin/audit HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TextInputTest.basic("nobody-" + i, "x"))) {
                RawHttp.Answer r = RawHttp.send(port, head);
                assertThat(r.status()).as(head).isEqualTo(401);
                assertThat(r.headers()).as(head).doesNotContainKey("set-cookie");
            }
        }
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void actuatorBeyondHealthIsForAdministratorsOnly() {
        ApiClient anonymous = ApiClient.at("http://localhost:" + port);
        ApiClient staff = as("staff", "staff");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        for (String path : List.of("/actuator/info", "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            ApiClient.Response r = staff.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(admin().get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(200);
    }

    @Test
    void theEventStoreRefusesToChangeOrRemoveARecordedEvent() {
        UUID id = log(admin(), newAgency(null), "2025-03-03");
        long events = eventCount();
        String where = " WHERE aggregate_identifier = '" + id + "'";
        for (String sql : List.of("DELETE FROM domain_event_entry" + where,
                "UPDATE domain_event_entry SET payload = '\\x00'::bytea" + where,
                "UPDATE domain_event_entry SET sequence_number = sequence_number + 100" + where,
                "TRUNCATE domain_event_entry")) {
            // in a transaction rolled back whatever happens: a test must not lose anyone's events
            TransactionTemplate rolledBack = new TransactionTemplate(transactions);
            assertThatThrownBy(() -> rolledBack.executeWithoutResult(tx -> {
                tx.setRollbackOnly();
                jdbc.execute(sql);
            })).as(sql).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(eventsOf(id, "RequestReceived")).isEqualTo(1);
    }

    private static Map<String, Object> notice(int year, List<Map<String, Object>> days) {
        return Map.of("year", year, "papers", List.of("https://www.gov.cn/test"), "days", days);
    }

    private static Map<String, Object> day(String date, boolean off) {
        return Map.of("name", "元旦", "date", date, "isOffDay", off);
    }

    @Test
    void anAdministratorOfASubAgencyCannotReplaceTheNationalCalendar() {
        String county = newAgency(null);
        ApiClient countyAdmin = as(newUserNamed("ADMIN", county), PASSWORD);
        ApiClient.Response r = countyAdmin.put("/api/admin/calendar/2026", notice(2026, List.of()));
        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(calendars.current().isLoaded(2026)).isTrue();
        assertThat(jdbc.queryForObject("SELECT source FROM holiday_notice WHERE year = 2026", String.class)).isEqualTo("BUNDLED");
    }

    @Test
    void aNoticeIsCheckedWholeBeforeItReplacesAnything() {
        String before = jdbc.queryForObject("SELECT notice::text FROM holiday_notice WHERE year = 2026", String.class);
        List<Map<String, Object>> refused = List.of(
                notice(2026, List.of()),
                notice(2026, List.of(day("2026-02-14", false))),
                notice(2026, List.of(day("2026-01-01", true), day("2027-01-01", true))),
                notice(2026, List.of(day("2025-06-01", true), day("2026-01-01", true))),
                notice(2026, List.of(day("2024-12-31", true), day("2026-01-01", true))));
        for (Map<String, Object> notice : refused) {
            ApiClient.Response r = admin().put("/api/admin/calendar/2026", notice);
            assertThat(r.status()).as(notice + ": " + r.text()).isEqualTo(400);
            assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(jdbc.queryForObject("SELECT notice::text FROM holiday_notice WHERE year = 2026", String.class)).isEqualTo(before);
        assertThat(calendars.current().isLoaded(2026)).isTrue();
    }

    @Test
    void aNewYearHolidayMayBeginInTheLastDaysOfTheYearBefore() {
        try {
            ApiClient.Response r = admin().put("/api/admin/calendar/2033",
                    notice(2033, List.of(day("2032-12-31", true), day("2033-01-01", true), day("2033-01-02", true))));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(calendars.current().isLoaded(2033)).isTrue();
            assertThat(admin().get("/api/admin/audit?limit=20").text()).contains("CALENDAR_LOADED");
        } finally {
            jdbc.update("DELETE FROM holiday_notice WHERE year = 2033");
            calendars.reload();
        }
    }
}
