package cn.opengov.tracker.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed logins for this user or address: answered 429 with {@code Retry-After}, password unchecked. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("尝试次数过多，请" + retryAfter.toSeconds() + "秒后再试");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
