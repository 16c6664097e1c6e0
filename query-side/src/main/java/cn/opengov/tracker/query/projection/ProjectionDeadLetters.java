package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The projections' dead letters (Axon's {@link JdbcSequencedDeadLetterQueue}, table {@code dead_letter_entry}): an
 * event a projection cannot handle is parked with the later events of its request, so that nothing else waits for
 * it; what is shown of it, and its retry once the cause is fixed. A letter's cause is said without personal data
 * ({@link ProjectionErrors}); its diagnostics count the attempts.
 */
@Component
public class ProjectionDeadLetters {

    /** Sequences (requests) with dead letters before the queue refuses more: far more than ever expected. */
    static final int MAX_SEQUENCES = 1_000_000;
    static final int MAX_SEQUENCE_SIZE = 100_000;
    static final String ATTEMPTS = "attempts";

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    /**
     * Every failure of an event is parked, its cause said without personal data, its attempts counted. A failure of
     * the moment (the database, a lock) is not the event's: it fails the batch, which the processor tries again.
     */
    public static final EnqueuePolicy<EventMessage<?>> POLICY = (letter, cause) -> {
        if (ProjectionErrors.isTransient(cause)) {
            if (letter instanceof JdbcDeadLetter<?>) {
                // a retry that met a busy database: the letter stays as it was, to be retried later
                return Decisions.requeue(letter.cause().orElse(null) instanceof ThrowableCause t ? t : null, DeadLetter::diagnostics);
            }
            throw ProjectionErrors.redacted(cause);
        }
        ThrowableCause safe = safeCause(cause);
        logParked(letter.message(), safe);
        return Decisions.enqueue(safe, l -> l.diagnostics().and(ATTEMPTS, attempts(l.diagnostics()) + 1));
    };

    /** One line per failure, for the operator: ids, type and the redacted cause, never the event's data. */
    private static void logParked(EventMessage<?> event, ThrowableCause cause) {
        log.warn("event {} ({}) of {} could not be projected and is a dead letter, with the later events of its sequence: {}",
                event.getIdentifier(), event.getPayloadType().getSimpleName(), BatchAwareDeadLetterQueue.sequenceOf(event),
                cause.message());
    }

    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();
    private final AtomicReference<BatchFailure> lastBatchFailure = new AtomicReference<>();

    public ProjectionDeadLetters(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                 @Qualifier("eventSerializer") Serializer serializer, JdbcTemplate jdbc,
                                 ObjectProvider<EventProcessingConfiguration> processing) {
        this.connectionProvider = connectionProvider;
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** The queue of a processing group (one per group, shared by its processor and the retries). */
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return queues.computeIfAbsent(processingGroup, group -> new BatchAwareDeadLetterQueue(
                JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(SCHEMA)
                        .genericSerializer(serializer)
                        .eventSerializer(serializer)
                        .maxSequences(MAX_SEQUENCES)
                        .maxSequenceSize(MAX_SEQUENCE_SIZE)
                        .build(),
                jdbc, group));
    }

    /**
     * Parks events the projections found they could not write (found after their handlers ran, when the batch was
     * written): the first with its cause, the rest of its request's events behind it.
     */
    void enqueue(List<? extends EventMessage<?>> events, Throwable cause) {
        ThrowableCause safe = safeCause(cause);
        boolean first = true;
        for (EventMessage<?> event : events) {
            String sequence = BatchAwareDeadLetterQueue.sequenceOf(event);
            if (first) {
                logParked(event, safe);
            }
            GenericDeadLetter<EventMessage<?>> letter = first
                    ? new GenericDeadLetter<>(sequence, event, safe)
                    : new GenericDeadLetter<>(sequence, event);
            queue(Projections.GROUP).enqueue(sequence, first ? letter.withDiagnostics(MetaData.with(ATTEMPTS, 1)) : letter);
            first = false;
        }
    }

    /** Empties a group's queue (a rebuild starts from every event again, and parks again what still fails). */
    void clear(String processingGroup) {
        queue(processingGroup).clear();
    }

    /** How many dead letters there are, in every group. */
    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
        return n == null ? 0 : n;
    }

    /** The first {@code limit} dead letters, request by request, in the order they will be retried. */
    public List<DeadLetterView> list(int limit) {
        return jdbc.query("SELECT processing_group, sequence_identifier, sequence_index, event_identifier, payload_type, "
                        + "aggregate_type, aggregate_identifier, sequence_number, cause_type, cause_message, diagnostics, "
                        + "enqueued_at, last_touched FROM dead_letter_entry ORDER BY processing_group, sequence_identifier, sequence_index LIMIT ?",
                (rs, i) -> {
                    String payloadType = rs.getString("payload_type");
                    String aggregateType = rs.getString("aggregate_type");
                    return new DeadLetterView(rs.getString("processing_group"), rs.getString("sequence_identifier"),
                            rs.getLong("sequence_index"), rs.getString("event_identifier"),
                            payloadType.substring(payloadType.lastIndexOf('.') + 1), aggregateType,
                            BulkReplay.REQUEST_AGGREGATE.equals(aggregateType) ? rs.getString("aggregate_identifier") : null,
                            (Long) rs.getObject("sequence_number"), rs.getString("cause_type") == null,
                            rs.getString("cause_type"), rs.getString("cause_message"),
                            attempts(diagnostics(rs.getBytes("diagnostics"))),
                            instant(rs.getString("enqueued_at")), instant(rs.getString("last_touched")));
                }, limit);
    }

    /**
     * Projects the dead letters of one sequence (a request's id), or of every sequence, again: a letter that now
     * succeeds leaves the queue and the next of its sequence is tried; one that fails again stays, with the new
     * cause and one more attempt, and the rest of its sequence behind it.
     */
    public RetryResult retry(String sequence) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM projection_rebuild)", Boolean.class))) {
            throw new RuleViolation(Rule.REBUILD_IN_PROGRESS);
        }
        List<String> sequences = jdbc.queryForList("SELECT DISTINCT sequence_identifier FROM dead_letter_entry "
                + "WHERE processing_group = ? AND (?::text IS NULL OR sequence_identifier = ?)", String.class, Projections.GROUP, sequence, sequence);
        if (sequence != null && sequences.isEmpty()) {
            throw new RuleViolation(Rule.DEAD_LETTERS_NOT_FOUND, sequence);
        }
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject()
                .sequencedDeadLetterProcessor(Projections.GROUP)
                .orElseThrow(() -> new IllegalStateException("the projections have no dead-letter queue"));
        int projected = 0;
        for (String s : sequences) {
            try {
                if (processor.process(letter -> s.equals(BatchAwareDeadLetterQueue.sequenceOf(letter.message())))) {
                    projected++;
                }
            } catch (RuntimeException e) {
                // the queue itself failed on this sequence (Axon answers a failed retry by a failed result): the
                // letters stay as they were, and the other sequences are tried
                log.warn("retry of the dead letters of {} failed", s, ProjectionErrors.redacted(e));
            }
        }
        Long left = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ANY (?)",
                Long.class, Projections.GROUP, sequences.toArray(String[]::new));
        return new RetryResult(sequences.size(), projected, left == null ? 0 : left);
    }

    /** A batch failed as a whole (and is tried again): the last such failure on this node, for the status. */
    void batchFailed(Throwable error) {
        lastBatchFailure.set(new BatchFailure(Instant.now(), ProjectionErrors.describe(error)));
    }

    public BatchFailure lastBatchFailure() {
        return lastBatchFailure.get();
    }

    static ThrowableCause safeCause(Throwable cause) {
        return cause instanceof ThrowableCause safe && safe.getCause() == null
                ? safe : new ThrowableCause(ProjectionErrors.rootClass(cause), ProjectionErrors.describe(cause));
    }

    private static int attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number n ? n.intValue() : 0;
    }

    private MetaData diagnostics(byte[] bytes) {
        if (bytes == null) {
            return MetaData.emptyInstance();
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, MetaData.class.getName(), null));
        } catch (RuntimeException e) {
            return MetaData.emptyInstance();
        }
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    /**
     * A dead letter as {@code GET /api/admin/projections/status} shows it. {@code parked}: it did not fail itself,
     * it waits behind an earlier event of its request. No payload, and a message without personal data.
     */
    public record DeadLetterView(String processingGroup, String sequenceIdentifier, long sequenceIndex,
                                 String eventIdentifier, String eventType, String aggregateType, String requestId,
                                 Long sequenceNumber, boolean parked, String errorClass, String errorMessage,
                                 int attempts, Instant firstAt, Instant lastAt) {
    }

    /** The last batch that failed as a whole on this node (the database, a lock): when, and why, without data. */
    public record BatchFailure(Instant at, String error) {
    }

    /** What a retry did: sequences tried, sequences now fully projected, dead letters left in them. */
    public record RetryResult(int sequences, int projected, long remaining) {
    }
}
