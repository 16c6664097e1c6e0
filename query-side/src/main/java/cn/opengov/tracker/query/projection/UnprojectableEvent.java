package cn.opengov.tracker.query.projection;

/** An event the projections cannot apply to the request's state; its message names ids and numbers only. */
public class UnprojectableEvent extends IllegalStateException implements SafeMessage {

    public UnprojectableEvent(String message) {
        super(message);
    }
}
