package cn.opengov.tracker.query.position;

import cn.opengov.tracker.platform.web.ProblemWriter;
import cn.opengov.tracker.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;

/**
 * Read-your-writes (API.md): a query sent with {@code X-Min-Position: N} waits until the read models have
 * processed position N, polling with a deadline; after 5 seconds it answers 503 with {@code Retry-After}.
 */
@Component
public class MinPositionInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Min-Position";
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final ProcessedPositions positions;
    private final ProblemWriter problems;

    public MinPositionInterceptor(ProcessedPositions positions, ProblemWriter problems) {
        this.positions = positions;
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            // a page reloaded after a command carries the position in its address
            header = request.getParameter("minPosition");
        }
        if (header == null || header.isBlank()) {
            return true;
        }
        long wanted;
        try {
            wanted = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            problems.write(response, Problems.withErrors(HttpStatus.BAD_REQUEST, HEADER + " 应为整数",
                    List.of(new Problems.FieldError(HEADER, "应为整数"))));
            return false;
        }
        long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
        while (!positions.hasProcessed(wanted)) {
            if (System.nanoTime() > deadline) {
                response.setHeader("Retry-After", "1");
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                        "数据仍在更新（尚未处理到位置 " + wanted + "），请稍后重试");
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
