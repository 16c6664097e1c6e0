package cn.opengov.tracker.query.projection;

/**
 * An exception whose message was written to carry no personal data (ids, codes, positions, class and column names
 * only): {@link ProjectionErrors} passes its message on as it is. Every other exception's message is left out.
 */
public interface SafeMessage {
}
