package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.state.RequestState;

import java.time.Instant;

/**
 * A request's state as the projections keep it: the fold of its events ({@link RequestState}), the number of the
 * last event folded in (an event at or below it was applied already and is skipped), and when it was logged.
 */
public record ProjectedRequest(RequestState state, long lastSequence, Instant loggedAt) {

    /** The state after the request's event number {@code sequence}: its first state, or the one after {@code before}. */
    public static ProjectedRequest next(ProjectedRequest before, RequestEvent event, long sequence, Instant recordedAt) {
        if (event instanceof RequestReceived) {
            return new ProjectedRequest(RequestState.next(null, event), sequence, recordedAt);
        }
        if (before == null) {
            throw new UnprojectableEvent("event " + sequence + " of request " + event.requestId() + " arrived before it was received");
        }
        return new ProjectedRequest(before.state().apply(event), sequence, before.loggedAt());
    }
}
