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
     * {@code {name, date, isOffDay}}. Each day must fall in the notice's year (a New Year holiday may begin in the
     * last week of the December before), a date may appear once, and at least one day is a holiday.
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
            if (!belongsTo(date, year)) {
                throw new IllegalArgumentException("日期 " + date + " 不属于" + year + "年的通知：日期须在" + year
                        + "年内（元旦假期可从上一年12月最后一周开始）");
            }
            if (!day.path("isOffDay").isBoolean()) {
                throw new IllegalArgumentException("日期 " + date + " 缺少 isOffDay（true 放假，false 调休上班）");
            }
            if (!seen.add(date)) {
                throw new IllegalArgumentException("日期 " + date + " 重复出现");
            }
            parsed.add(new HolidayNotice.Day(day.path("name").asText(""), date, day.path("isOffDay").asBoolean()));
        }
        if (parsed.stream().noneMatch(HolidayNotice.Day::isOffDay)) {
            throw new IllegalArgumentException(year + "年的通知中没有任何放假日期（isOffDay: true）：不是完整的节假日安排");
        }
        return new HolidayNotice(year, papers, parsed);
    }

    /**
     * A notice covers its own year, and the New Year holiday that may begin in the last week of the December
     * before: the State Council's notice for 2019 starts it on 30 December 2018 (with a make-up day on the 29th),
     * the one for 2023 on 31 December 2022. A date after the year belongs to the next year's notice.
     */
    static boolean belongsTo(LocalDate date, int year) {
        if (date.getYear() == year) {
            return true;
        }
        return date.getYear() == year - 1 && date.getMonthValue() == 12 && date.getDayOfMonth() >= 25;
    }

    public static HolidayNotice parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("节假日通知不是合法的JSON");
        }
    }
}
