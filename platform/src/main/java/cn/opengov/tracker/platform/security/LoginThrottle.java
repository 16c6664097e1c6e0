package cn.opengov.tracker.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Slows password guessing down, on every node alike ({@code login_throttle} in PostgreSQL): failed password checks
 * are counted per user and per address, and past a few free ones each further failure makes that user or address
 * wait before its next check — 1 s, 2 s, 4 s … up to {@code tracker.login.max-delay}. A counter starts again after
 * {@code tracker.login.forget-after} without failures; a correct password clears the user's counter. Only checks
 * that cost a BCrypt comparison are throttled: a login already verified on this node goes on working while
 * someone else guesses at it.
 */
@Component
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final int userFreeFailures;
    private final int addressFreeFailures;
    private final Duration maxDelay;
    private final Duration forgetAfter;

    public LoginThrottle(JdbcTemplate jdbc,
                         @Value("${tracker.login.user-free-failures:5}") int userFreeFailures,
                         @Value("${tracker.login.address-free-failures:30}") int addressFreeFailures,
                         @Value("${tracker.login.max-delay:15m}") Duration maxDelay,
                         @Value("${tracker.login.forget-after:1h}") Duration forgetAfter) {
        this.jdbc = jdbc;
        this.userFreeFailures = userFreeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    /** How long the user or the address must still wait before a password is checked; zero when not at all. */
    public Duration waitFor(String username, String address) {
        Long seconds = jdbc.queryForObject("""
                SELECT ceil(extract(epoch FROM max(blocked_until) - clock_timestamp()))::bigint
                FROM login_throttle WHERE subject IN (?, ?) AND blocked_until > clock_timestamp()""",
                Long.class, user(username), address(address));
        return seconds == null ? Duration.ZERO : Duration.ofSeconds(Math.max(1, seconds));
    }

    /** Counts a failed password check against the user (when there is one) and the address. */
    public void failed(String username, String address) {
        if (username != null) {
            count(user(username), userFreeFailures);
        }
        count(address(address), addressFreeFailures);
    }

    /** The right password: the user's failures are forgiven (the address's are not). */
    public void succeeded(String username) {
        jdbc.update("DELETE FROM login_throttle WHERE subject = ?", user(username));
    }

    /** The wait after the {@code failures}-th failure: none while free, then doubling from one second. */
    public Duration delayAfter(int failures, int free) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        long seconds = over >= 31 ? Long.MAX_VALUE : 1L << (over - 1);
        return seconds >= maxDelay.toSeconds() ? maxDelay : Duration.ofSeconds(seconds);
    }

    private void count(String subject, int free) {
        Integer failures = jdbc.queryForObject("""
                INSERT INTO login_throttle AS t (subject, failures, last_failure) VALUES (?, 1, clock_timestamp())
                ON CONFLICT (subject) DO UPDATE SET
                    failures = CASE WHEN t.last_failure < clock_timestamp() - make_interval(secs => ?) THEN 1 ELSE t.failures + 1 END,
                    last_failure = clock_timestamp()
                RETURNING failures""", Integer.class, subject, (double) forgetAfter.toSeconds());
        Duration delay = delayAfter(failures == null ? 0 : failures, free);
        if (!delay.isZero()) {
            jdbc.update("UPDATE login_throttle SET blocked_until = clock_timestamp() + make_interval(secs => ?) WHERE subject = ?",
                    (double) delay.toSeconds(), subject);
        }
    }

    private static String user(String username) {
        return "user:" + username;
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
