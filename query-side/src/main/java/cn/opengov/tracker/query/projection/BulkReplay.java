package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
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

    public BulkReplay(JdbcTemplate jdbc, RequestStateStore store, List<ReadModelWriter> writers,
                      @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.store = store;
        this.writers = writers;
        this.serializer = serializer;
    }

    /**
     * The events of everything but requests (year closes, publications, holiday notices: few), in the order
     * recorded, through the processor's own handlers. They never depend on a request's rows, so they may go first.
     */
    public void replayOtherEvents(EventHandlerInvoker handlers) {
        jdbc.query(con -> cursor(con, "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                + "WHERE type IS DISTINCT FROM ? ORDER BY global_index"), rs -> {
            EventMessage<?> event = new GenericDomainEventMessage<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), payload(rs), metaData(rs.getBytes("meta_data")),
                    rs.getString("event_identifier"), DateTimeUtils.parseInstant(rs.getString("time_stamp")));
            var result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                handlers.handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException("event " + rs.getLong("global_index") + " could not be replayed", result.exceptionResult());
            }
        });
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
        return fold.written;
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

    private MetaData metaData(byte[] bytes) {
        return bytes == null ? MetaData.emptyInstance()
                : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, MetaData.class.getName(), null));
    }

    /** Rows arrive request by request; a request's state is complete when the next request's first row comes. */
    private final class RequestFold {

        private final LongConsumer progress;
        private final Duration pause;
        private final List<ProjectedRequest> done = new ArrayList<>(REQUESTS_PER_BATCH);
        private String currentId;
        private ProjectedRequest current;
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
            }
            if (payload(rs) instanceof RequestEvent event) {
                Instant recordedAt = event instanceof RequestReceived ? DateTimeUtils.parseInstant(rs.getString(3)) : null;
                current = ProjectedRequest.next(current, event, rs.getLong(2), recordedAt);
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
            List<ReadModelWriter.Batch> batches = writers.stream().map(ReadModelWriter::newRebuildBatch).toList();
            for (ProjectedRequest s : done) {
                batches.forEach(b -> b.changed(null, s.state()));
            }
            store.copyAll(done);
            batches.forEach(ReadModelWriter.Batch::flush);
            written += done.size();
            done.clear();
            progress.accept(written);
            pauseIfAsked();
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
