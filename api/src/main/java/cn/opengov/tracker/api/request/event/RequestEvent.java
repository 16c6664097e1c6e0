package cn.opengov.tracker.api.request.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An event of the request aggregate. Who recorded it and when travel as the event's metadata and timestamp, so
 * the event stream is the request's audit trail.
 */
public interface RequestEvent {

    UUID requestId();

    /** The step's name as a clerk says it. */
    String label();

    /** The business date of the step, or null for a correction of earlier data. */
    default LocalDate occurredOn() {
        return null;
    }
}
