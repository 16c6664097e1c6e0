package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A login kept in a session (the web pages, on both sides) ends as soon as its account changes: disabled, a new
 * password, another role or agency. Runs after Spring Security on every request whose user was not just
 * authenticated from the account (HTTP Basic reads it anyway, {@link CachingPasswordAuthenticationProvider}); one
 * primary-key lookup, so a change made on one node holds on every node from the next request on.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
public class AccountStillValidFilter extends OncePerRequestFilter {

    private final UserDirectory users;
    private final ProblemWriter problems;

    public AccountStillValidFilter(UserDirectory users, ProblemWriter problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user
                && request.getAttribute(CachingPasswordAuthenticationProvider.ACCOUNT_CHECKED) == null
                && !stillValid(user)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                problems.write(response, HttpStatus.UNAUTHORIZED, "登录已失效（账号已停用或已更改密码），请重新登录");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(CurrentUser user) {
        UserAccount account = users.find(user.username()).orElse(null);
        return account != null && account.enabled() && account.version() == user.accountVersion()
                && account.role() == user.role() && account.agencyCode().equals(user.agencyCode());
    }
}
