package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.event.RequestEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Every request event, applied to the request's state and handed to each read model with the state before and
 * after. An event already applied (same or lower sequence number) is skipped, so a replayed batch changes
 * nothing twice.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class RequestProjection {

    private final RequestStateStore store;
    private final List<ReadModelWriter> writers;

    public RequestProjection(RequestStateStore store, List<ReadModelWriter> writers) {
        this.store = store;
        this.writers = writers;
    }

    @EventHandler
    public void on(RequestEvent event, @SequenceNumber Long sequence, @Timestamp Instant recordedAt) {
        ProjectionBatch batch = ProjectionBatch.current(store, writers);
        ProjectedRequest before = batch.state(event.requestId());
        if (before != null && sequence <= before.lastSequence()) {
            return;
        }
        batch.changed(before, ProjectedRequest.next(before, event, sequence, recordedAt));
    }

    @ResetHandler
    public void reset() {
        store.reset();
        writers.forEach(ReadModelWriter::reset);
    }
}
