package cn.opengov.tracker.query.admin;

import cn.opengov.tracker.platform.eventstore.NodeIdentity;
import cn.opengov.tracker.query.projection.BulkReplay;
import cn.opengov.tracker.query.projection.ProjectionDeadLetters;
import cn.opengov.tracker.query.projection.ProjectionErrors;
import cn.opengov.tracker.query.projection.Projections;
import cn.opengov.tracker.query.rollup.RollUps;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the event store, in one transaction: empty copies of the tables are filled by
 * {@link BulkReplay} from one snapshot of the event store and take the tables' place ({@link ShadowTables}), and
 * the processor's tokens are set to the end of that snapshot, so the processor goes on from there with the events
 * recorded since. Readers read the old tables, as they were when the processor stopped for the rebuild, until the
 * new ones commit; a crash rolls everything back.
 * <p>
 * The request for a rebuild is itself recorded ({@code projection_rebuild}) before the work starts, and removed in
 * the rebuild's own transaction: a node killed half way leaves it behind, and this node or any other picks it up.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    /** Gaps further below the head than this are events that will never come (Axon's own default bound). */
    static final long GAP_WINDOW = 10_000;
    private static final Duration LEFT_TO_ITS_NODE = Duration.ofSeconds(10);
    /** The status lists this many dead letters (and counts them all): a mass failure must not make it huge. */
    static final int DEAD_LETTERS_SHOWN = 500;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final NodeIdentity node;
    private final TokenStore tokenStore;
    private final BulkReplay replay;
    private final ProjectionDeadLetters deadLetters;
    private final RollUps rollUps;
    private final Duration pause;
    private final TransactionTemplate shortTransaction;
    private final TransactionTemplate rebuildTransaction;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean runningHere = new AtomicBoolean();
    private final AtomicBoolean vacuumingHere = new AtomicBoolean();
    private final AtomicLong requestsRebuilt = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public ProjectionRebuilder(EventProcessingConfiguration processing, JdbcTemplate jdbc, NodeIdentity node,
                               TokenStore tokenStore, BulkReplay replay, ProjectionDeadLetters deadLetters,
                               RollUps rollUps, PlatformTransactionManager transactionManager,
                               @Value("${tracker.rebuild.pause-between-batches:0ms}") Duration pause) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.node = node;
        this.tokenStore = tokenStore;
        this.replay = replay;
        this.deadLetters = deadLetters;
        this.rollUps = rollUps;
        this.pause = pause;
        this.shortTransaction = new TransactionTemplate(transactionManager);
        this.rebuildTransaction = new TransactionTemplate(transactionManager);
        // one snapshot for reading the events, the head position and the gaps below it
        this.rebuildTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Records the request and starts the rebuild on this node. */
    public void requestRebuild(String requestedBy) {
        jdbc.update("INSERT INTO projection_rebuild (id, requested_at, requested_by) VALUES (1, now(), ?) ON CONFLICT (id) DO NOTHING",
                requestedBy);
        runner.submit(this::runPending);
    }

    /**
     * A rebuild left behind by a node that died is picked up here. A fresh request is left to the node it was
     * made on for a while, so two nodes do not both stop their processors for it.
     */
    @Scheduled(fixedDelay = 5000, initialDelay = 3000)
    public void resumeAbandoned() {
        if (!runningHere.get() && pendingAndFree(LEFT_TO_ITS_NODE)) {
            runner.submit(this::runPending);
        }
    }

    private void runPending() {
        if (!runningHere.compareAndSet(false, true)) {
            return;
        }
        StreamingEventProcessor processor = processor();
        // the rebuild's transaction id once it committed: the VACUUM after it waits for older transactions
        Long rebuilt = null;
        try {
            if (!pendingAndFree(Duration.ZERO)) {
                return;
            }
            processor.shutDown();
            takeOverAllSegments();
            requestsRebuilt.set(0);
            long started = System.nanoTime();
            rebuilt = rebuildTransaction.execute(status -> rebuildInOneTransaction(processor));
            if (rebuilt != null) {
                log.info("read models rebuilt: {} requests in {} s", requestsRebuilt.get(), (System.nanoTime() - started) / 1_000_000_000);
                // said before the processor catches up, so that whoever waits for both never sees the gap between
                vacuumingHere.set(true);
            }
            lastError.set(null);
        } catch (RuntimeException | Error e) {
            // an Error too: on the runner's thread it would otherwise vanish into a Future nobody reads;
            // said without the data it failed on (a driver's message may quote a whole row)
            lastError.set(ProjectionErrors.describe(e));
            log.error("rebuild of the read models failed; it stays pending and is tried again", ProjectionErrors.redacted(e));
        } finally {
            processor.start();
            runningHere.set(false);
        }
        if (rebuilt != null) {
            vacuum(rebuilt);
        }
    }

    /** The new tables' pages made visible to all (ShadowTables says why), while the processor already goes on. */
    private void vacuum(long rebuildXid) {
        long started = System.nanoTime();
        try {
            ShadowTables.vacuumRebuilt(jdbc, rebuildXid);
            log.info("rebuilt read models vacuumed in {} s", (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            // the tables are right without it, only slower to read at first; the next rebuild tries again
            log.warn("vacuum of the rebuilt read models failed", ProjectionErrors.redacted(e));
        } finally {
            vacuumingHere.set(false);
        }
    }

    /** @return the rebuild's transaction id; null when another node holds the request */
    private Long rebuildInOneTransaction(StreamingEventProcessor processor) {
        if (!lockRequest(Duration.ZERO)) {
            return null;
        }
        // the read models are rebuilt into copies of their tables; readers read the live ones meanwhile
        ShadowTables shadow = ShadowTables.open(jdbc);
        EventHandlerInvoker handlers = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        handlers.performReset();
        shadow.requireLiveTablesUntouched();
        replay.forgetDeadLetters();
        List<Integer> segments = lockOwnTokens();
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        replay.replayOtherEvents(handlers);
        long requests = replay.replayRequests(requestsRebuilt::set, pause);
        // the tallies are summed (rebuildFinished): their roll-ups per ancestor next, in the same transaction
        rollUps.reroll();
        shadow.analyzeCopies();
        report(requests);
        shadow.swap();
        TrackingToken token = head == null ? null : GapAwareTrackingToken.newInstance(head, gapsBelow(head));
        for (int segment : segments) {
            tokenStore.storeToken(token, Projections.GROUP, segment);
        }
        jdbc.update("DELETE FROM projection_rebuild");
        return ShadowTables.transactionId(jdbc);
    }

    /** What this rebuild did, for every node's status: the events it skipped are the dead letters it left. */
    private void report(long requests) {
        jdbc.update("INSERT INTO projection_rebuild_report (id, finished_at, requests_rebuilt, skipped_events) "
                + "SELECT 1, clock_timestamp(), ?, coalesce(jsonb_agg(jsonb_build_object("
                + "'eventIdentifier', event_identifier, 'eventType', regexp_replace(payload_type, '^.*[.$]', ''), "
                + "'requestId', aggregate_identifier, 'sequenceNumber', sequence_number, 'parked', cause_type IS NULL, "
                + "'errorClass', cause_type, 'errorMessage', cause_message) ORDER BY sequence_identifier, sequence_index), '[]'::jsonb) "
                + "FROM dead_letter_entry WHERE processing_group = ? "
                + "ON CONFLICT (id) DO UPDATE SET finished_at = EXCLUDED.finished_at, requests_rebuilt = EXCLUDED.requests_rebuilt, "
                + "skipped_events = EXCLUDED.skipped_events", requests, Projections.GROUP);
        long skipped = jdbc.queryForObject("SELECT jsonb_array_length(skipped_events) FROM projection_rebuild_report", Long.class);
        if (skipped > 0) {
            log.warn("rebuild skipped {} events that could not be projected; they are dead letters (GET /api/admin/projections/status)", skipped);
        }
    }

    /**
     * The tokens stay locked until the rebuild commits, so no other node claims a segment meanwhile. They are
     * locked after the tables were emptied: a batch another node was still committing finishes (or fails on the
     * owner that changed) before that, instead of waiting on a token this transaction holds.
     */
    private List<Integer> lockOwnTokens() {
        List<Map<String, Object>> tokens = jdbc.queryForList(
                "SELECT segment, owner FROM token_entry WHERE processor_name = ? ORDER BY segment FOR UPDATE", Projections.GROUP);
        if (tokens.isEmpty()) {
            throw new IllegalStateException("the projections have not started yet");
        }
        for (Map<String, Object> t : tokens) {
            if (!node.id().equals(t.get("owner"))) {
                throw new IllegalStateException("segment " + t.get("segment") + " was claimed by " + t.get("owner") + " meanwhile");
            }
        }
        return tokens.stream().map(t -> ((Number) t.get("segment")).intValue()).toList();
    }

    /** Positions below the head not visible in this snapshot: events still being committed, read when they are. */
    private List<Long> gapsBelow(long head) {
        return jdbc.queryForList("SELECT g FROM generate_series(greatest(1, ? - ?), ?) g "
                + "WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = g)", Long.class, head, GAP_WINDOW, head);
    }

    /** A rebuild was asked for at least {@code since} ago and no node is working on it. */
    private boolean pendingAndFree(Duration since) {
        return Boolean.TRUE.equals(shortTransaction.execute(status -> lockRequest(since)));
    }

    /** Locks the request for a rebuild, in the current transaction, if it is at least {@code since} old and free. */
    private boolean lockRequest(Duration since) {
        return !jdbc.queryForList(
                "SELECT id FROM projection_rebuild WHERE requested_at <= now() - make_interval(secs => ?) FOR UPDATE SKIP LOCKED",
                Integer.class, since.toMillis() / 1000.0).isEmpty();
    }

    /**
     * Other nodes may hold some segments. Their claims are taken over here: a node that then tries to store a
     * token finds it no longer owns it and rolls its batch back.
     */
    private void takeOverAllSegments() {
        shortTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ?",
                node.id(), DateTimeUtils.formatInstant(Instant.now()), Projections.GROUP));
    }

    public RebuildStatus status() {
        StreamingEventProcessor processor = processor();
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        boolean pending = jdbc.queryForObject("SELECT count(*) FROM projection_rebuild", Integer.class) > 0;
        // while a rebuild is pending the tables are about to be replaced: nothing counts as processed yet
        long slowest = pending ? -1 : processor.processingStatus().values().stream()
                .mapToLong(ProjectionRebuilder::position).min().orElse(-1);
        return new RebuildStatus(processor.isRunning(), processor.isReplaying(), head, slowest, pending, runningHere.get(),
                vacuumingHere.get(), requestsRebuilt.get(), lastError.get(), deadLetters.count(), deadLetters.list(DEAD_LETTERS_SHOWN), lastRebuild(),
                deadLetters.lastBatchFailure());
    }

    private LastRebuild lastRebuild() {
        List<LastRebuild> report = jdbc.query("SELECT finished_at, requests_rebuilt FROM projection_rebuild_report",
                (rs, i) -> new LastRebuild(rs.getTimestamp(1).toInstant(), rs.getLong(2), jdbc.query(
                        "SELECT e->>'eventIdentifier', e->>'eventType', e->>'requestId', (e->>'sequenceNumber')::bigint, "
                                + "(e->>'parked')::boolean, e->>'errorClass', e->>'errorMessage' "
                                + "FROM projection_rebuild_report, jsonb_array_elements(skipped_events) WITH ORDINALITY AS x(e, n) ORDER BY n",
                        (r, j) -> new SkippedEvent(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getBoolean(5),
                                r.getString(6), r.getString(7)))));
        return report.isEmpty() ? null : report.get(0);
    }

    /**
     * GET /api/admin/projections/status (API.md): whether the projections run, the event store's head and the
     * position every segment has processed, the state of a rebuild (and of the VACUUM of its tables that follows it
     * on this node), the dead letters (events parked because they could not be projected, with the later events of
     * their request), what the last rebuild skipped, and the last batch this node had to try again (a failure of the
     * moment: the database, a lock).
     */
    public record RebuildStatus(boolean running, boolean replaying, Long headPosition, long processedPosition,
                                boolean rebuildPending, boolean rebuildingHere, boolean vacuumingHere,
                                long requestsRebuilt, String lastError,
                                long deadLetterCount, List<ProjectionDeadLetters.DeadLetterView> deadLetters,
                                LastRebuild lastRebuild, ProjectionDeadLetters.BatchFailure lastBatchFailure) {
    }

    /** The last rebuild that finished (on any node): when, how many requests, which events it skipped. */
    public record LastRebuild(Instant finishedAt, long requestsRebuilt, List<SkippedEvent> skippedEvents) {
    }

    /** An event a rebuild could not project: a dead letter since (parked: skipped behind an earlier one). */
    public record SkippedEvent(String eventIdentifier, String eventType, String requestId, long sequenceNumber,
                               boolean parked, String errorClass, String errorMessage) {
    }

    private static long position(EventTrackerStatus s) {
        return s.getCurrentPosition().orElse(-1);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("projections processor missing"));
    }
}
