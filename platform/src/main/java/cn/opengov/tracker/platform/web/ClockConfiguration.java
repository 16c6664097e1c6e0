package cn.opengov.tracker.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * "Today" is a date in Asia/Shanghai (SPEC §2). Code asks this clock, never the system's, so that a
 * demonstration or a test can be run as of a chosen date with {@code tracker.today}.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    public Clock clock(@Value("${tracker.today:}") String today) {
        if (today == null || today.isBlank()) {
            return Clock.system(CHINA);
        }
        return Clock.fixed(LocalDate.parse(today).atTime(LocalTime.NOON).atZone(CHINA).toInstant(), CHINA);
    }
}
