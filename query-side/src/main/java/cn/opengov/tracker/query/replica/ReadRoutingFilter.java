package cn.opengov.tracker.query.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Marks the HTTP reads — GET and HEAD, apart from the actuator's (health must speak for the primary) — whose
 * read-model queries may go to the replica, and counts where each was served: {@code tracker.reads{source=replica|
 * primary}}; the answer says it too, in {@code X-Read-Source}. Every other request, and every thread that is not
 * serving one (projections, schedulers), reads from the primary.
 */
final class ReadRoutingFilter extends OncePerRequestFilter {

    private final Counter replica;
    private final Counter primary;

    ReadRoutingFilter(MeterRegistry meters) {
        this.replica = counter(meters, ReadRequest.Source.REPLICA);
        this.primary = counter(meters, ReadRequest.Source.PRIMARY);
    }

    private static Counter counter(MeterRegistry meters, ReadRequest.Source source) {
        return Counter.builder("tracker.reads").tag("source", source.label())
                .description("HTTP reads of the read models, by the server that answered them").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return !read || request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadRequest read = ReadRequest.begin(response);
        try {
            chain.doFilter(request, response);
        } finally {
            read.end();
            if (read.served() == ReadRequest.Source.REPLICA) {
                replica.increment();
            } else if (read.served() == ReadRequest.Source.PRIMARY) {
                primary.increment();
            }
        }
    }
}
