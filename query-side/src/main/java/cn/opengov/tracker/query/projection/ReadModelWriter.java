package cn.opengov.tracker.query.projection;

/**
 * A read model fed by the request projection. For each batch of events it gets a fresh {@link Batch}, told of
 * every request that changed (before and after, before null for a new request), and flushed once, in the
 * batch's transaction, just before the batch's token is committed.
 */
public interface ReadModelWriter {

    /** @param segment the processor segment whose batch this is: rows shared by all requests are kept per segment */
    Batch newBatch(int segment);

    /** Empties the read model before a rebuild from the first event. */
    void reset();

    interface Batch {
        void changed(RequestState before, RequestState after);

        void flush();
    }
}
