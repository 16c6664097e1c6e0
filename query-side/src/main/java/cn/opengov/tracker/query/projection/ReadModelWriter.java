package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.state.RequestState;

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

    /**
     * A batch of a bulk rebuild into the emptied tables ({@link BulkReplay}): every request comes once, in its
     * final state, with no before. Unless the read model has a faster way, the same as a batch of segment 0.
     */
    default Batch newRebuildBatch() {
        return newBatch(0);
    }

    /** A bulk rebuild has handed over every request, and {@code request_view} holds them all. */
    default void rebuildFinished() {
    }

    interface Batch {
        /** For a read model with nothing to write in a batch (it is summed or rebuilt at another moment). */
        Batch NOTHING = new Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
            }

            @Override
            public void flush() {
            }
        };

        void changed(RequestState before, RequestState after);

        void flush();
    }
}
