package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The read models rebuilt in one pass over the event store, inside the caller's transaction (whose snapshot is
 * what "every event" means). The processor would apply the events in the order they were recorded, loading and
 * saving a request's rows once per event; here each request's events are read together, in the order of the
 * event store's (aggregate, sequence) key, folded into its final state in memory, and handed to the read models
 * once, in batches. That is what makes a rebuild of ten million requests take minutes instead of hours.
 * <p>
 * An event that cannot be read or applied, or from which a request's rows cannot be written, is skipped with the
 * rest of its request's events: the request keeps the state before it, and the skipped events are parked as dead
 * letters (in the rebuild's transaction) to be retried once the cause is fixed. The rebuild itself goes on.
 */
@Component
public class BulkReplay {

    /** The aggregate type the command side records request events under. */
    static final String REQUEST_AGGREGATE = "InformationRequest";
    static final int REQUESTS_PER_BATCH = 2000;
    private static final int FETCH_SIZE = 5000;

    private final JdbcTemplate jdbc;
    private final RequestStateStore store;
    private final List<ReadModelWriter> writers;
    private final Serializer serializer;
    private final Savepoints savepoints;
    private final ProjectionDeadLetters deadLetters;

    public BulkReplay(JdbcTemplate jdbc, RequestStateStore store, List<ReadModelWriter> writers,
                      @Qualifier("eventSerializer") Serializer serializer, Savepoints savepoints,
                      ProjectionDeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.store = store;
        this.writers = writers;
        this.serializer = serializer;
        this.savepoints = savepoints;
        this.deadLetters = deadLetters;
    }

    /** A rebuild starts from every event: the dead letters of before are replayed (and parked again if they fail). */
    public void forgetDeadLetters() {
        Projections.GROUPS.forEach(deadLetters::clear);
    }

    /**
     * The events of everything but requests (year closes, publications, holiday notices: few), in the order
     * recorded, through the processor's own handlers (which park an event they fail on, and the later events of
     * its aggregate). They never depend on a request's rows, so they may go first.
     */
    public void replayOtherEvents(EventHandlerInvoker handlers) {
        jdbc.query(con -> cursor(con, "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                + "WHERE type IS DISTINCT FROM ? ORDER BY global_index"), rs -> {
            EventMessage<?> event = message(rs);
            var result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                handlers.handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                throw new UnprojectableEvent("event " + rs.getLong("global_index") + " could not be replayed nor parked: "
                        + ProjectionErrors.describe(result.exceptionResult()));
            }
        });
    }

    /**
     * An event as the processor gets it: its payload read only when a handler asks for it, and with its position
     * as token (the dead-letter queue reads a letter without one eagerly, and one unreadable payload would then
     * stop every retry).
     */
    private EventMessage<?> message(ResultSet rs) throws SQLException {
        String type = rs.getString("type");
        String identifier = rs.getString("event_identifier");
        byte[] metaData = rs.getBytes("meta_data");
        SerializedMessage<?> serialized = new SerializedMessage<>(identifier,
                new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class, rs.getString("payload_type"), rs.getString("payload_revision")),
                new SimpleSerializedObject<>(metaData == null ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : metaData,
                        byte[].class, MetaData.class.getName(), null),
                serializer);
        Instant timestamp = DateTimeUtils.parseInstant(rs.getString("time_stamp"));
        TrackingToken position = new GlobalSequenceTrackingToken(rs.getLong("global_index"));
        return type == null ? new GenericTrackedEventMessage<>(position, serialized, () -> timestamp)
                : new GenericTrackedDomainEventMessage<>(position, type, rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), serialized, () -> timestamp);
    }

    /**
     * Every request folded to its final state and written. {@code progress} hears the number of requests written
     * after each batch; {@code pause} between batches leaves the database room for other work.
     */
    public long replayRequests(LongConsumer progress, Duration pause) {
        // the (aggregate, sequence) index gives the order: sorting tens of millions of payloads would spill to disk;
        // the tallies' GROUP BY at the end gets the memory to hash millions of keys at once
        jdbc.execute("SET LOCAL enable_sort = off");
        jdbc.execute("SET LOCAL work_mem = '256MB'");
        RequestFold fold = new RequestFold(progress, pause);
        jdbc.query(con -> cursor(con, "SELECT aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision, payload "
                + "FROM domain_event_entry WHERE type = ? ORDER BY aggregate_identifier, sequence_number"), fold::row);
        fold.finish();
        writers.forEach(ReadModelWriter::rebuildFinished);
        fold.skipped.forEach(this::park);
        return fold.written;
    }

    /** Where a request's events stopped being projected, and why. */
    private record Skipped(String requestId, long fromSequence, Throwable cause) {
    }

    /** The request's events from the one that failed on, as dead letters. */
    private void park(Skipped skipped) {
        List<EventMessage<?>> events = jdbc.query("SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND type = ? AND sequence_number >= ? ORDER BY sequence_number",
                (rs, i) -> message(rs), skipped.requestId(), REQUEST_AGGREGATE, skipped.fromSequence());
        deadLetters.enqueue(events, skipped.cause());
    }

    /** A request's events folded one by one: the states after each, as far as they can be read and applied. */
    private record Replayed(List<ProjectedRequest> states, Long failedAt, Throwable cause) {
    }

    private Replayed replayOne(String requestId) {
        List<ProjectedRequest> states = new ArrayList<>();
        Long[] failedAt = {null};
        Throwable[] cause = {null};
        jdbc.query("SELECT sequence_number, time_stamp, payload_type, payload_revision, payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND type = ? ORDER BY sequence_number", rs -> {
            if (failedAt[0] != null) {
                return;
            }
            try {
                ProjectedRequest before = states.isEmpty() ? null : states.get(states.size() - 1);
                if (payload(rs) instanceof RequestEvent event) {
                    Instant recordedAt = event instanceof RequestReceived ? DateTimeUtils.parseInstant(rs.getString(2)) : null;
                    states.add(ProjectedRequest.next(before, event, rs.getLong(1), recordedAt));
                }
            } catch (RuntimeException e) {
                failedAt[0] = rs.getLong(1);
                cause[0] = e;
            }
        }, requestId, REQUEST_AGGREGATE);
        return new Replayed(states, failedAt[0], cause[0]);
    }

    private PreparedStatement cursor(java.sql.Connection con, String sql) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH_SIZE);
        ps.setString(1, REQUEST_AGGREGATE);
        return ps;
    }

    private Object payload(ResultSet rs) throws SQLException {
        return serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class,
                rs.getString("payload_type"), rs.getString("payload_revision")));
    }

    /** Rows arrive request by request; a request's state is complete when the next request's first row comes. */
    private final class RequestFold {

        private final LongConsumer progress;
        private final Duration pause;
        private final List<ProjectedRequest> done = new ArrayList<>(REQUESTS_PER_BATCH);
        private final List<Skipped> skipped = new ArrayList<>();
        private String currentId;
        private ProjectedRequest current;
        private boolean currentFailed;
        private long written;

        RequestFold(LongConsumer progress, Duration pause) {
            this.progress = progress;
            this.pause = pause;
        }

        void row(ResultSet rs) throws SQLException {
            String id = rs.getString(1);
            if (!id.equals(currentId)) {
                complete();
                currentId = id;
                currentFailed = false;
            }
            if (currentFailed) {
                return;
            }
            try {
                if (payload(rs) instanceof RequestEvent event) {
                    Instant recordedAt = event instanceof RequestReceived ? DateTimeUtils.parseInstant(rs.getString(3)) : null;
                    current = ProjectedRequest.next(current, event, rs.getLong(2), recordedAt);
                }
            } catch (RuntimeException e) {
                // the request keeps the state before this event; this one and the rest of its events are parked
                currentFailed = true;
                skipped.add(new Skipped(id, rs.getLong(2), e));
            }
        }

        void finish() {
            complete();
            write();
        }

        private void complete() {
            if (current != null) {
                done.add(current);
                current = null;
                if (done.size() == REQUESTS_PER_BATCH) {
                    write();
                }
            }
        }

        private void write() {
            if (done.isEmpty()) {
                return;
            }
            try {
                savepoints.run(writeAll(done));
            } catch (RuntimeException e) {
                if (ProjectionErrors.isTransient(e)) {
                    throw e;
                }
                done.forEach(this::writeAlone);
            }
            written += done.size();
            done.clear();
            progress.accept(written);
            pauseIfAsked();
        }

        /**
         * A request whose rows were refused: its events are folded again one by one, and it is written in the last
         * state that can be written (if any); the event after that is where its dead letters start.
         */
        private void writeAlone(ProjectedRequest request) {
            try {
                savepoints.run(writeAll(List.of(request)));
                return;
            } catch (RuntimeException refused) {
                if (ProjectionErrors.isTransient(refused)) {
                    throw refused;
                }
                String id = request.state().requestId().toString();
                Replayed replayed = replayOne(id);
                List<ProjectedRequest> states = replayed.states();
                int good = 0;
                Throwable cause = refused;
                for (; good < states.size(); good++) {
                    var failure = savepoints.probe(writeAll(List.of(states.get(good))));
                    if (failure.isPresent()) {
                        if (ProjectionErrors.isTransient(failure.get())) {
                            throw failure.get();
                        }
                        cause = failure.get();
                        break;
                    }
                }
                if (good > 0) {
                    savepoints.run(writeAll(List.of(states.get(good - 1))));
                }
                long from = good < states.size() ? states.get(good).lastSequence()
                        : replayed.failedAt() != null ? replayed.failedAt() : request.lastSequence();
                skipped.removeIf(s -> s.requestId().equals(id));
                skipped.add(new Skipped(id, from, good < states.size() ? cause : replayed.cause() != null ? replayed.cause() : cause));
            }
        }

        private Runnable writeAll(List<ProjectedRequest> requests) {
            return () -> {
                List<ReadModelWriter.Batch> batches = writers.stream().map(ReadModelWriter::newRebuildBatch).toList();
                for (ProjectedRequest s : requests) {
                    batches.forEach(b -> b.changed(null, s.state()));
                }
                store.copyAll(requests);
                batches.forEach(ReadModelWriter.Batch::flush);
            };
        }

        private void pauseIfAsked() {
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("rebuild interrupted", e);
                }
            }
        }
    }
}
