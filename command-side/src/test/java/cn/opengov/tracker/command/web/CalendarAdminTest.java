package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3: an administrator loads next year's notice without a release; nobody else can. */
class CalendarAdminTest extends CommandSideTest {

    @Autowired
    CalendarStore calendars;

    private static Map<String, Object> notice(int year) {
        return Map.of("year", year, "papers", List.of("https://www.gov.cn/test"), "days",
                List.of(Map.of("name", "元旦", "date", year + "-01-01", "isOffDay", true)));
    }

    @Test
    void anAdministratorLoadsANewYearAndTheCalendarFollowsAtOnce() {
        try {
            ApiClient.Response r = admin().put("/api/admin/calendar/2030", notice(2030));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(calendars.current().isLoaded(2030)).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%HolidayNoticeLoaded'",
                    Long.class)).isPositive();
        } finally {
            jdbc.update("DELETE FROM holiday_notice WHERE year = 2030");
            calendars.reload();
        }
    }

    @Test
    void aNoticeThatDoesNotMatchItsYearOrIsMalformedIsRefused() {
        assertThat(admin().put("/api/admin/calendar/2031", notice(2032)).status()).isEqualTo(400);
        assertThat(admin().put("/api/admin/calendar/2031", Map.of("year", 2031, "days", List.of(Map.of("date", "2031-02-30", "isOffDay", true))))
                .status()).isEqualTo(400);
        assertThat(calendars.current().isLoaded(2031)).isFalse();
    }

    @Test
    void onlyAdministratorsLoadNotices() {
        assertThat(as("supervisor", "supervisor").put("/api/admin/calendar/2030", notice(2030)).status()).isEqualTo(403);
    }
}
