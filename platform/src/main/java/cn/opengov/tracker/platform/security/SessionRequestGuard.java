package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Cross-site request forgery guard for the web pages' session. A write carried by the session cookie (not by
 * HTTP Basic) must bear the {@code X-Requested-With} header: a header no plain form can send and that a script
 * on another origin can only send after a CORS preflight, which only the configured origins pass.
 */
public class SessionRequestGuard extends OncePerRequestFilter {

    public static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemWriter problems;

    public SessionRequestGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean bySession = request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getRequestedSessionId() != null;
        if (bySession && !SAFE.contains(request.getMethod()) && request.getHeader(HEADER) == null) {
            problems.write(response, HttpStatus.FORBIDDEN, "请从本系统的页面提交（缺少 " + HEADER + " 请求头）");
            return;
        }
        chain.doFilter(request, response);
    }
}
