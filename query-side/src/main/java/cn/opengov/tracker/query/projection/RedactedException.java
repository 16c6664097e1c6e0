package cn.opengov.tracker.query.projection;

/**
 * Stands in for an exception whose message may quote an event's data (PostgreSQL's "Failing row contains (…)", a
 * batch entry with its parameters, a JSON value that did not parse): the same class name, stack trace and chain
 * of causes, with only what {@link ProjectionErrors} can say without personal data. This is what reaches the logs.
 */
public final class RedactedException extends RuntimeException implements SafeMessage {

    private final String originalClass;
    private final String detail;
    private final boolean transientFailure;

    RedactedException(Throwable original, String detail, Throwable redactedCause) {
        super(original.getClass().getName() + (detail.isEmpty() ? "" : ": " + detail), redactedCause, false, true);
        this.originalClass = original.getClass().getName();
        this.detail = detail;
        this.transientFailure = ProjectionErrors.transientAlone(original);
        setStackTrace(original.getStackTrace());
    }

    /** Whether the exception it stands in for was a failure of the moment ({@link ProjectionErrors#isTransient}). */
    boolean transientFailure() {
        return transientFailure;
    }

    /** What could be said about it without personal data (may be empty). */
    String detail() {
        return detail;
    }

    /** The class of the exception this one stands in for. */
    public String originalClass() {
        return originalClass;
    }
}
