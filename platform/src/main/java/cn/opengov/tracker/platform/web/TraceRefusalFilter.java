package cn.opengov.tracker.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * TRACE is refused first of all, as problem+json: it would echo the request's headers (credentials included) to
 * whoever sent it, and no endpoint serves it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceRefusalFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public TraceRefusalFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, OPTIONS");
            problems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "不支持 TRACE 请求方法");
            return;
        }
        chain.doFilter(request, response);
    }
}
