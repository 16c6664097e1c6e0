package cn.opengov.tracker.platform.calendar;

import cn.opengov.tracker.api.calendar.HolidayNotice;
import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The working-day calendar in use: the notices in {@code holiday_notice}, which start as the product's bundled
 * 2019–2026 notices and grow as an administrator loads later years. Every node rereads the table when it has
 * changed (checked at most every few seconds), so a notice loaded on one node reaches all of them.
 */
@Component
public class CalendarStore {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Loaded loaded;

    public CalendarStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostConstruct
    void seedBundledNotices() {
        for (HolidayNotice notice : HolidayNotices.bundled()) {
            jdbc.update("INSERT INTO holiday_notice (year, notice, source, loaded_by) VALUES (?, ?::jsonb, 'BUNDLED', 'install') "
                    + "ON CONFLICT (year) DO NOTHING", notice.year(), toJson(notice));
        }
        reload();
    }

    public WorkingDayCalendar current() {
        Loaded snapshot = loaded;
        Instant now = clock.instant();
        if (snapshot.checkedAt().plus(CHECK_EVERY).isBefore(now)) {
            String version = version();
            if (!version.equals(snapshot.version())) {
                reload();
            } else {
                loaded = new Loaded(snapshot.calendar(), version, now);
            }
        }
        return loaded.calendar();
    }

    /** Loads or replaces a year's notice; the calendar follows at once on this node. */
    public void store(HolidayNotice notice, String loadedBy) {
        jdbc.update("INSERT INTO holiday_notice (year, notice, source, loaded_at, loaded_by) VALUES (?, ?::jsonb, 'LOADED', now(), ?) "
                + "ON CONFLICT (year) DO UPDATE SET notice = EXCLUDED.notice, source = 'LOADED', loaded_at = now(), loaded_by = EXCLUDED.loaded_by",
                notice.year(), toJson(notice), loadedBy);
        reload();
    }

    /** Every loaded notice, by year: a preview builds the calendar a new notice would give from them. */
    public List<HolidayNotice> notices() {
        return jdbc.query("SELECT notice::text FROM holiday_notice ORDER BY year", (rs, i) -> fromJson(rs.getString(1)));
    }

    public List<YearInfo> years() {
        return jdbc.query("SELECT year, source, loaded_at, loaded_by, jsonb_array_length(notice -> 'days') FROM holiday_notice ORDER BY year",
                (rs, i) -> new YearInfo(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getInt(5)));
    }

    public synchronized void reload() {
        String version = version();
        List<HolidayNotice> notices = jdbc.query("SELECT notice::text FROM holiday_notice ORDER BY year",
                (rs, i) -> fromJson(rs.getString(1)));
        loaded = new Loaded(WorkingDayCalendar.of(notices), version, clock.instant());
    }

    private String version() {
        return jdbc.queryForObject("SELECT count(*) || '@' || coalesce(max(loaded_at)::text, '') FROM holiday_notice", String.class);
    }

    private static String toJson(HolidayNotice notice) {
        try {
            return JSON.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HolidayNotice fromJson(String json) {
        try {
            return JSON.readValue(json, HolidayNotice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("holiday_notice holds an unreadable notice", e);
        }
    }

    /** One loaded year: where it came from and when. */
    public record YearInfo(int year, String source, Instant loadedAt, String loadedBy, int days) {
    }

    private record Loaded(WorkingDayCalendar calendar, String version, Instant checkedAt) {
    }
}
