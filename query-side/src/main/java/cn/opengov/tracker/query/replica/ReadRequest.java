package cn.opengov.tracker.query.replica;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP read the current thread is serving, when it may be served by the replica (a GET or HEAD, see
 * {@link ReadRoutingFilter}), and where its reads went. Once a read fell back to the primary the rest of the request
 * stays there: a request that waited for {@code X-Min-Position} on the primary must not then read an older replica.
 */
final class ReadRequest {

    /** Where a request's reads were served; also the {@code X-Read-Source} header's value and the metric's tag. */
    enum Source {
        REPLICA, PRIMARY;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String HEADER = "X-Read-Source";

    private static final ThreadLocal<ReadRequest> CURRENT = new ThreadLocal<>();

    private final HttpServletResponse response;
    private Source served;

    private ReadRequest(HttpServletResponse response) {
        this.response = response;
    }

    static ReadRequest begin(HttpServletResponse response) {
        ReadRequest read = new ReadRequest(response);
        CURRENT.set(read);
        return read;
    }

    static ReadRequest current() {
        return CURRENT.get();
    }

    void end() {
        CURRENT.remove();
    }

    boolean pinnedToPrimary() {
        return served == Source.PRIMARY;
    }

    Source served() {
        return served;
    }

    void servedBy(Source source) {
        if (source == served) {
            return;
        }
        served = source;
        if (!response.isCommitted()) {
            response.setHeader(HEADER, source.label());
        }
    }
}
