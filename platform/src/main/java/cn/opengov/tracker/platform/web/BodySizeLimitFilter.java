package cn.opengov.tracker.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * API.md: a body over 64 KiB is answered 413 and nothing is recorded. A declared length is refused before the
 * body is read; a chunked body is counted as it is read and refused once it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** A bulk import's spreadsheet (POST /api/imports): 10,000 rows of .csv or .xlsx fit with room to spare. */
    public static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;
    /** The public paths' limit: an application is at most some 13 KB of text (description 4,000 characters). */
    public static final int MAX_PUBLIC_BODY_BYTES = 16 * 1024;

    private final ProblemWriter problems;

    public BodySizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** The API's 64 KiB, but for the one path that takes a spreadsheet of many rows, and less for the public paths. */
    static long limitOf(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/public/")) {
            return MAX_PUBLIC_BODY_BYTES;
        }
        return "POST".equals(request.getMethod()) && "/api/imports".equals(request.getRequestURI())
                ? MAX_IMPORT_BYTES : MAX_BODY_BYTES;
    }

    static String tooLarge() {
        return tooLarge(MAX_BODY_BYTES);
    }

    static String tooLarge(long limit) {
        return limit < 1024 * 1024 ? "请求内容超过 " + limit / 1024 + " KiB 的上限"
                : "请求内容超过 " + limit / (1024 * 1024) + " MiB 的上限";
    }

    /** Raised while reading a body that turns out larger than allowed; mapped to 413. */
    public static class BodyTooLargeException extends IOException {
        public BodyTooLargeException() {
            super(tooLarge());
        }

        public BodyTooLargeException(long limit) {
            super(tooLarge(limit));
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
