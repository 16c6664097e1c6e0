package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.event.RequestEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Every request event, applied to the request's state and handed to each read model with the state before and
 * after. An event already applied (same or lower sequence number) is skipped, so a replayed batch (or a retried
 * dead letter) changes nothing twice.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class RequestProjection {

    private final RequestStateStore store;
    private final List<ReadModelWriter> writers;
    private final Savepoints savepoints;
    private final ProjectionDeadLetters deadLetters;

    public RequestProjection(RequestStateStore store, List<ReadModelWriter> writers, Savepoints savepoints,
                             ProjectionDeadLetters deadLetters) {
        this.store = store;
        this.writers = writers;
        this.savepoints = savepoints;
        this.deadLetters = deadLetters;
    }

    @EventHandler
    public void on(RequestEvent event, @SequenceNumber Long sequence, @Timestamp Instant recordedAt, EventMessage<?> message) {
        ProjectionBatch batch = ProjectionBatch.current(store, writers, savepoints, deadLetters);
        ProjectedRequest before = batch.state(event.requestId());
        if (before != null && sequence <= before.lastSequence()) {
            return;
        }
        batch.changed(before, ProjectedRequest.next(before, event, sequence, recordedAt), message);
    }

    @ResetHandler
    public void reset() {
        store.reset();
        writers.forEach(ReadModelWriter::reset);
    }
}
