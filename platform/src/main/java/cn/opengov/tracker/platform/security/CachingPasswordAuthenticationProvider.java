package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.UserDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

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
 * Checks a user name and password against the BCrypt hash in PostgreSQL, and remembers a successful check for a
 * minute. HTTP Basic sends the password with every call, and a BCrypt check costs tens of milliseconds by
 * design: without this, authentication alone would cap the API at a few dozen calls a second per core. Only a
 * SHA-256 of the password is kept, never the password; a changed password or role takes effect within a minute.
 */
public class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private final UserDirectory users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final String dummyHash;

    public CachingPasswordAuthenticationProvider(UserDirectory users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String key = username + '\u0000' + sha256(password);
        Instant now = clock.instant();
        Remembered hit = remembered.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return authenticated(hit.user());
        }
        UserAccount account = users.find(username).orElse(null);
        if (account == null) {
            passwordEncoder.matches(password, dummyHash);
            throw new BadCredentialsException("用户名或密码错误");
        }
        if (!account.enabled() || !passwordEncoder.matches(password, account.passwordHash())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        CurrentUser user = new CurrentUser(account.username(), account.role(), account.agencyCode());
        if (remembered.size() >= MAX_ENTRIES) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(user, now.plus(REMEMBER_FOR)));
        return authenticated(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(CurrentUser user, Instant until) {
    }
}
