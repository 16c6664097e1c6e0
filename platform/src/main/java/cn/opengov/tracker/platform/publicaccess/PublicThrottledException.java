package cn.opengov.tracker.platform.publicaccess;

import java.time.Duration;

/** Too many public calls from one address: 429 with {@code Retry-After}, nothing done. */
public class PublicThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public PublicThrottledException(Duration retryAfter) {
        super("请求过于频繁，请" + retryAfter.toSeconds() + "秒后再试");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
