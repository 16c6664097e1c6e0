package cn.opengov.tracker.query.reminder;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;

/**
 * Runs the reminders every few minutes ({@code tracker.reminders.cron}); {@link Reminders} decides whether the day's
 * are due. ShedLock's lock in PostgreSQL ({@code shedlock}, by the database's clock) lets one query node at a time
 * run them; the per-person-per-day record makes a second run harmless anyway. {@code tracker.reminders.enabled=false}
 * turns them off.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class ReminderSchedule {

    private final Reminders reminders;
    private final boolean enabled;

    public ReminderSchedule(Reminders reminders, @Value("${tracker.reminders.enabled:true}") boolean enabled) {
        this.reminders = reminders;
        this.enabled = enabled;
    }

    @Bean
    public LockProvider reminderLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }

    @Scheduled(cron = "${tracker.reminders.cron:0 */5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "reminders", lockAtMostFor = "PT10M")
    public void remind() {
        if (enabled) {
            reminders.run();
        }
    }
}
