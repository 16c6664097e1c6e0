package cn.opengov.tracker.api.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads holiday notices in the holiday-cn JSON format, and the notices the product ships with (the State
 * Council's notices for 2019–2026, in {@code holidays-cn/} on the class path).
 */
public final class HolidayNotices {

    /** The years whose notice ships with the product. */
    public static final List<Integer> BUNDLED_YEARS = List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HolidayNotices() {
    }

    public static List<HolidayNotice> bundled() {
        List<HolidayNotice> notices = new ArrayList<>();
        for (int year : BUNDLED_YEARS) {
            try (InputStream in = HolidayNotices.class.getResourceAsStream("/holidays-cn/" + year + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("bundled holiday notice missing: " + year);
                }
                notices.add(parse(JSON.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return notices;
    }

    public static WorkingDayCalendar bundledCalendar() {
        return WorkingDayCalendar.of(bundled());
    }

    /**
     * Parses and checks one notice: {@code year}, optional {@code papers}, and {@code days} of
     * {@code {name, date, isOffDay}}. Each day must fall in the notice's year or next to it (a New Year holiday
     * may begin on 31 December), and a date may appear once.
     *
     * @throws IllegalArgumentException with a message for the administrator when the notice is not valid
     */
    public static HolidayNotice parse(JsonNode root) {
        if (root == null || !root.path("year").canConvertToInt()) {
            throw new IllegalArgumentException("缺少年份 year");
        }
        int year = root.path("year").asInt();
        if (year < 2019 || year > 2100) {
            throw new IllegalArgumentException("年份 year 须在2019至2100之间");
        }
        List<String> papers = new ArrayList<>();
        root.path("papers").forEach(p -> papers.add(p.asText()));
        JsonNode days = root.path("days");
        if (!days.isArray()) {
            throw new IllegalArgumentException("缺少日期列表 days");
        }
        List<HolidayNotice.Day> parsed = new ArrayList<>();
        java.util.Set<LocalDate> seen = new java.util.HashSet<>();
        for (JsonNode day : days) {
            LocalDate date;
            try {
                date = LocalDate.parse(day.path("date").asText());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("日期格式不正确：" + day.path("date").asText());
            }
            if (Math.abs(date.getYear() - year) > 1) {
                throw new IllegalArgumentException("日期 " + date + " 不属于" + year + "年的通知");
            }
            if (!day.path("isOffDay").isBoolean()) {
                throw new IllegalArgumentException("日期 " + date + " 缺少 isOffDay（true 放假，false 调休上班）");
            }
            if (!seen.add(date)) {
                throw new IllegalArgumentException("日期 " + date + " 重复出现");
            }
            parsed.add(new HolidayNotice.Day(day.path("name").asText(""), date, day.path("isOffDay").asBoolean()));
        }
        return new HolidayNotice(year, papers, parsed);
    }

    public static HolidayNotice parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("节假日通知不是合法的JSON");
        }
    }
}
