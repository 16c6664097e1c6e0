package cn.opengov.tracker.platform.publicaccess;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The public paths' rate limits, the same on every node ({@code public_throttle} in PostgreSQL): each call counts one
 * hit for its bucket and the caller's address in a fixed window; past the limit the call is refused at once with
 * 429 and {@code Retry-After} (the rest of the window), before any other work. Staff endpoints never pass here, so a
 * flood of public calls from one address slows nothing else down.
 */
@Component
public class PublicThrottle {

    private final JdbcTemplate jdbc;

    public PublicThrottle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a hit; refuses it ({@link PublicThrottledException}) when the window already holds {@code limit}. */
    public void hit(String bucket, String address, int limit, Duration window) {
        Window w = count(bucket, address, window);
        if (w.hits() > limit) {
            throw new PublicThrottledException(w.retryAfter());
        }
    }

    /** Counts a hit and answers the window's hits so far, this one included. */
    public Window count(String bucket, String address, Duration window) {
        if (ThreadLocalRandom.current().nextInt(1000) == 0) {
            // old windows are worth nothing: forget them now and then rather than with a job of their own
            jdbc.update("DELETE FROM public_throttle WHERE window_start < clock_timestamp() - interval '1 day'");
        }
        return jdbc.queryForObject("""
                INSERT INTO public_throttle AS t (bucket, address, window_start, hits) VALUES (?, ?, clock_timestamp(), 1)
                ON CONFLICT (bucket, address) DO UPDATE SET
                    hits = CASE WHEN t.window_start <= clock_timestamp() - make_interval(secs => ?) THEN 1 ELSE t.hits + 1 END,
                    window_start = CASE WHEN t.window_start <= clock_timestamp() - make_interval(secs => ?)
                                        THEN clock_timestamp() ELSE t.window_start END
                RETURNING hits, ceil(extract(epoch FROM t.window_start + make_interval(secs => ?) - clock_timestamp()))::bigint""",
                (rs, i) -> new Window(rs.getInt(1), Duration.ofSeconds(Math.max(1, rs.getLong(2)))),
                bucket, address, (double) window.toSeconds(), (double) window.toSeconds(), (double) window.toSeconds());
    }

    /** The hits in the current window without counting one. */
    public int hits(String bucket, String address, Duration window) {
        Integer hits = jdbc.queryForObject("""
                SELECT coalesce(max(hits), 0) FROM public_throttle
                WHERE bucket = ? AND address = ? AND window_start > clock_timestamp() - make_interval(secs => ?)""",
                Integer.class, bucket, address, (double) window.toSeconds());
        return hits == null ? 0 : hits;
    }

    /** Forgets the address's hits in the bucket (a solved challenge). */
    public void clear(String bucket, String address) {
        jdbc.update("DELETE FROM public_throttle WHERE bucket = ? AND address = ?", bucket, address);
    }

    /** The hits counted in the window so far and how long until it ends. */
    public record Window(int hits, Duration retryAfter) {
    }
}
