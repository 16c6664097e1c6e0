package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.Passwords;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.web.InputText;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user name and password against the BCrypt hash in PostgreSQL.
 * <p>
 * The account is read on every call — one primary-key lookup — so a disabled account, a new password or a new
 * role takes effect from the next request on, on every node. What is remembered (for a minute) is only that this
 * password matched that hash: HTTP Basic sends the password with every call, and a BCrypt check costs tens of
 * milliseconds by design, which would cap the API at a few dozen calls a second per core. Only a SHA-256 of the
 * password is kept, never the password, and a remembered match counts only while the account still has the same
 * hash.
 * <p>
 * Every check that needs BCrypt passes {@link LoginThrottle} first (429 while a user or address must wait), and
 * every failure is recorded in {@link LoginFailures}. A password over 72 bytes never matches: BCrypt would
 * compare its first 72 bytes only.
 */
public class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    /** Set on the request when its user's account was read during this request's authentication. */
    public static final String ACCOUNT_CHECKED = CachingPasswordAuthenticationProvider.class.getName() + ".checked";

    static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_USERNAME = 64;

    private final UserDirectory users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final LoginFailures failures;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final String dummyHash;

    public CachingPasswordAuthenticationProvider(UserDirectory users, PasswordEncoder passwordEncoder, Clock clock,
                                                 LoginThrottle throttle, LoginFailures failures) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.throttle = throttle;
        this.failures = failures;
        this.dummyHash = passwordEncoder.encode("timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = addressOf(authentication);
        if (username.isEmpty() || username.length() > MAX_USERNAME || !InputText.isAllowed(username)) {
            // not a name any account can have, and not one PostgreSQL could even look up: counts for the address
            throttle.failed(null, address);
            failures.record(username, address, LoginFailures.Reason.UNKNOWN_USER);
            throw new BadCredentialsException("用户名或密码错误");
        }
        UserAccount account = users.find(username).orElse(null);
        markChecked();
        String key = username + '\u0000' + sha256(password);
        Instant now = clock.instant();
        Verified hit = verified.get(key);
        if (account != null && account.enabled() && hit != null && hit.until().isAfter(now)
                && hit.passwordHash().equals(account.passwordHash())) {
            return authenticated(account);
        }
        Duration wait = throttle.waitFor(username, address);
        if (!wait.isZero()) {
            failures.record(username, address, LoginFailures.Reason.THROTTLED);
            throw new LoginThrottledException(wait);
        }
        if (account == null) {
            passwordEncoder.matches(password, dummyHash);
            return refuse(username, address, LoginFailures.Reason.UNKNOWN_USER);
        }
        if (!Passwords.fitsBcrypt(password) || !passwordEncoder.matches(password, account.passwordHash())) {
            return refuse(username, address, LoginFailures.Reason.BAD_CREDENTIALS);
        }
        if (!account.enabled()) {
            failures.record(username, address, LoginFailures.Reason.DISABLED);
            throw new DisabledException("该账号已停用，请联系管理员");
        }
        throttle.succeeded(username);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, new Verified(account.passwordHash(), now.plus(REMEMBER_FOR)));
        return authenticated(account);
    }

    /**
     * Checks a user's current password outside a login (a password change): throttled and recorded like one, so
     * that the form cannot be used to guess. False when it does not match.
     */
    public boolean confirmPassword(UserAccount account, String password, String address) {
        Duration wait = throttle.waitFor(account.username(), address);
        if (!wait.isZero()) {
            failures.record(account.username(), address, LoginFailures.Reason.THROTTLED);
            throw new LoginThrottledException(wait);
        }
        if (password != null && Passwords.fitsBcrypt(password) && passwordEncoder.matches(password, account.passwordHash())) {
            return true;
        }
        throttle.failed(account.username(), address);
        failures.record(account.username(), address, LoginFailures.Reason.BAD_CREDENTIALS);
        return false;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Authentication refuse(String username, String address, LoginFailures.Reason reason) {
        throttle.failed(username, address);
        failures.record(username, address, reason);
        throw new BadCredentialsException("用户名或密码错误");
    }

    private static Authentication authenticated(UserAccount account) {
        CurrentUser user = new CurrentUser(account.username(), account.role(), account.agencyCode(), account.version());
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    private static void markChecked() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ACCOUNT_CHECKED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Verified(String passwordHash, Instant until) {
    }
}
