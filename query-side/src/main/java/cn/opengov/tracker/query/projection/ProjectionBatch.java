package cn.opengov.tracker.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The work of one batch of events: the states of the batch's requests, read with one query at its start, changed
 * in memory event by event, and written with one batched statement per table when the batch commits (in the
 * same transaction as the processor's token). This is what lets a rebuild run at tens of thousands of events a
 * second instead of a few round trips per event.
 * <p>
 * If the batch's rows cannot be written (PostgreSQL refuses a value an older version let through), the batch is
 * written again request by request, each behind a savepoint, and the event from which a request's rows fail is
 * parked as a dead letter with the rest of its request's events; everything else commits with the token. A dead
 * letter being retried is a batch of one event: its failure goes back to the queue.
 */
final class ProjectionBatch {

    private static final String RESOURCE = ProjectionBatch.class.getName();
    /** Where Axon's pooled processor puts the segment of the batch it processes. */
    private static final String SEGMENT_RESOURCE = "Processor[" + Projections.GROUP + "]/SegmentId";

    private final RequestStateStore store;
    private final List<ReadModelWriter> readModels;
    private final Savepoints savepoints;
    private final ProjectionDeadLetters deadLetters;
    private final int segment;
    private final boolean retryingDeadLetter;
    private final Map<UUID, ProjectedRequest> states = new HashMap<>();
    private final Map<UUID, List<Transition>> changed = new LinkedHashMap<>();
    private List<ReadModelWriter.Batch> writers;

    /** One event applied to a request: what the read models are told, and the event to park should it fail. */
    private record Transition(ProjectedRequest before, ProjectedRequest after, EventMessage<?> event) {
    }

    private ProjectionBatch(RequestStateStore store, List<ReadModelWriter> readModels, Savepoints savepoints,
                            ProjectionDeadLetters deadLetters, int segment, boolean retryingDeadLetter) {
        this.store = store;
        this.readModels = readModels;
        this.savepoints = savepoints;
        this.deadLetters = deadLetters;
        this.segment = segment;
        this.retryingDeadLetter = retryingDeadLetter;
        this.writers = readModels.stream().map(w -> w.newBatch(segment)).toList();
    }

    /** The batch of the unit of work being processed, created (and preloaded) on first use. */
    static ProjectionBatch current(RequestStateStore store, List<ReadModelWriter> writers, Savepoints savepoints,
                                   ProjectionDeadLetters deadLetters) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Object segment = unitOfWork.resources().get(SEGMENT_RESOURCE);
            boolean retrying = unitOfWork.resources().containsKey(DeadLetter.class.getName());
            ProjectionBatch batch = new ProjectionBatch(store, writers, savepoints, deadLetters,
                    segment instanceof Integer id ? id : 0, retrying);
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
                Set<UUID> ids = new LinkedHashSet<>();
                // from the aggregate's id, not the payload: an event that cannot be read is its own failure
                batching.getMessages().forEach(m -> requestIdOf(m).ifPresent(ids::add));
                batch.preload(ids);
            }
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    private static Optional<UUID> requestIdOf(org.axonframework.messaging.Message<?> message) {
        if (message instanceof DomainEventMessage<?> domain && BulkReplay.REQUEST_AGGREGATE.equals(domain.getType())) {
            try {
                return Optional.of(UUID.fromString(domain.getAggregateIdentifier()));
            } catch (IllegalArgumentException notARequestId) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void preload(Set<UUID> ids) {
        // a request not found is new in this batch: remember that too, or its first event would ask again
        ids.forEach(id -> states.put(id, null));
        store.load(ids).forEach(s -> states.put(s.state().requestId(), s));
    }

    ProjectedRequest state(UUID requestId) {
        if (!states.containsKey(requestId)) {
            List<ProjectedRequest> loaded = store.load(List.of(requestId));
            states.put(requestId, loaded.isEmpty() ? null : loaded.get(0));
        }
        return states.get(requestId);
    }

    void changed(ProjectedRequest before, ProjectedRequest after, EventMessage<?> event) {
        try {
            for (ReadModelWriter.Batch writer : writers) {
                writer.changed(before == null ? null : before.state(), after.state());
            }
        } catch (RuntimeException e) {
            // a read model refused the new state (the event will be parked): the ones told before it forget it
            writers = readModels.stream().map(w -> w.newBatch(segment)).toList();
            changed.values().forEach(transitions -> transitions.forEach(t -> writers.forEach(
                    w -> w.changed(t.before() == null ? null : t.before().state(), t.after().state()))));
            throw e;
        }
        UUID id = after.state().requestId();
        states.put(id, after);
        changed.computeIfAbsent(id, k -> new ArrayList<>()).add(new Transition(before, after, event));
    }

    private void flush() {
        if (retryingDeadLetter) {
            try {
                writeAll();
            } catch (RuntimeException e) {
                throw ProjectionErrors.redacted(e);
            }
            return;
        }
        try {
            savepoints.run(this::writeAll);
        } catch (RuntimeException e) {
            if (ProjectionErrors.isTransient(e)) {
                throw ProjectionErrors.redacted(e);
            }
            writeRequestByRequest();
        }
    }

    private void writeAll() {
        store.saveAll(changed.values().stream().map(t -> t.get(t.size() - 1).after()).toList());
        for (ReadModelWriter.Batch writer : writers) {
            writer.flush();
        }
    }

    /** Each request's rows on their own; a request that fails is written up to the event it fails on. */
    private void writeRequestByRequest() {
        for (List<Transition> transitions : changed.values()) {
            Optional<RuntimeException> failure = attempt(transitions);
            if (failure.isEmpty()) {
                continue;
            }
            int written = 0;
            RuntimeException cause = failure.get();
            for (int i = 1; i < transitions.size(); i++) {
                Optional<RuntimeException> prefix = savepoints.probe(write(transitions.subList(0, i)));
                if (prefix.isPresent()) {
                    cause = prefix.get();
                    break;
                }
                written = i;
            }
            if (ProjectionErrors.isTransient(cause)) {
                throw ProjectionErrors.redacted(cause);
            }
            if (written > 0) {
                savepoints.run(write(transitions.subList(0, written)));
            }
            deadLetters.enqueue(transitions.subList(written, transitions.size()).stream().map(Transition::event).toList(), cause);
        }
    }

    private Optional<RuntimeException> attempt(List<Transition> transitions) {
        try {
            savepoints.run(write(transitions));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** One request's changes, through fresh batches of every read model. */
    private Runnable write(List<Transition> transitions) {
        return () -> {
            List<ReadModelWriter.Batch> batches = readModels.stream().map(w -> w.newBatch(segment)).toList();
            for (Transition t : transitions) {
                batches.forEach(b -> b.changed(t.before() == null ? null : t.before().state(), t.after().state()));
            }
            store.saveAll(List.of(transitions.get(transitions.size() - 1).after()));
            batches.forEach(ReadModelWriter.Batch::flush);
        };
    }
}
