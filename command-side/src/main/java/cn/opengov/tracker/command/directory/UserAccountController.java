package cn.opengov.tracker.command.directory;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.directory.Passwords;
import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.security.CachingPasswordAuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md: an administrator disables, enables and resets the password of the users of their agency tree; every
 * user changes their own password with the current one. Each change takes effect from the next request on, on
 * both sides, and is recorded with who made it and when.
 */
@RestController
@RequestMapping("/api/users/{username}")
public class UserAccountController {

    private final UserDirectory users;
    private final AgencyScope scope;
    private final CachingPasswordAuthenticationProvider passwords;

    public UserAccountController(UserDirectory users, AgencyScope scope, CachingPasswordAuthenticationProvider passwords) {
        this.users = users;
        this.scope = scope;
        this.passwords = passwords;
    }

    @PostMapping("/disable")
    @PreAuthorize("hasRole('ADMIN')")
    public AccountState disable(@PathVariable String username) {
        UserAccount account = administered(username);
        if (account.username().equals(scope.currentUser().username())) {
            throw new RuleViolation(Rule.CANNOT_DISABLE_SELF);
        }
        users.setEnabled(username, false, scope.currentUser().username());
        return new AccountState(username, false);
    }

    @PostMapping("/enable")
    @PreAuthorize("hasRole('ADMIN')")
    public AccountState enable(@PathVariable String username) {
        administered(username);
        users.setEnabled(username, true, scope.currentUser().username());
        return new AccountState(username, true);
    }

    /** Where the user's reminders go (期限提醒): set by an administrator or by the user; blank removes it. */
    @PostMapping("/email")
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    public EmailSet email(@PathVariable String username, @Valid @RequestBody NewEmail body) {
        if (!username.equals(scope.currentUser().username())) {
            administered(username);
        }
        String email = body.email() == null || body.email().isBlank() ? null : body.email().strip();
        users.setEmail(username, email);
        return new EmailSet(username, email);
    }

    public record NewEmail(@jakarta.validation.constraints.Email @Size(max = 200) String email) {
    }

    public record EmailSet(String username, String email) {
    }

        /** An administrator resets another user's password; a user changes their own with the current one. */
    @PostMapping("/password")
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    public PasswordSet password(@PathVariable String username, @Valid @RequestBody NewPassword body,
                                HttpServletRequest request) {
        String actor = scope.currentUser().username();
        if (username.equals(actor)) {
            UserAccount own = users.require(username);
            if (body.currentPassword() == null || body.currentPassword().isEmpty()) {
                throw RuleViolation.ofField("currentPassword", Rule.INVALID_VALUE, "更改自己的密码须提供当前密码");
            }
            if (!passwords.confirmPassword(own, body.currentPassword(), request.getRemoteAddr())) {
                throw RuleViolation.ofField("currentPassword", Rule.WRONG_CURRENT_PASSWORD);
            }
        } else {
            administered(username);
        }
        users.setPassword(username, body.password(), actor);
        return new PasswordSet(username, true);
    }

    private UserAccount administered(String username) {
        UserAccount account = users.require(username);
        scope.requireWithin(account.agencyCode());
        return account;
    }

    /** {@code currentPassword} is needed when users change their own password. */
    public record NewPassword(@Passwords.Settable String password, @Size(max = 200) String currentPassword) {
    }

    public record AccountState(String username, boolean enabled) {
    }

    public record PasswordSet(String username, boolean passwordChanged) {
    }
}
