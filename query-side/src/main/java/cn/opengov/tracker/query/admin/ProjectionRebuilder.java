package cn.opengov.tracker.query.admin;

import cn.opengov.tracker.platform.eventstore.NodeIdentity;
import cn.opengov.tracker.query.projection.Projections;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read models: stop the projections on this node, take over every segment (other nodes may hold
 * some), reset the tokens (the reset handlers empty every read-model table, in one transaction with the token
 * reset), and start again from the first event. The tables fill as the replay proceeds; {@link #status()} tells
 * how far it is. Other nodes take segments back as the balancer shares them out.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    private final NodeIdentity node;
    private final TransactionTemplate transactions;

    public ProjectionRebuilder(EventProcessingConfiguration processing, JdbcTemplate jdbc, NodeIdentity node,
                               PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.node = node;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public synchronized void startRebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            takeOverAllSegments();
            processor.resetTokens();
            lastError.set(null);
        } catch (RuntimeException e) {
            lastError.set(e.getMessage());
            log.error("rebuild could not reset the projections' tokens", e);
            throw e;
        } finally {
            processor.start();
        }
    }

    /**
     * A reset needs every segment's claim, and other nodes may hold some. Their claims are taken over here: a node
     * that then tries to store a token finds it no longer owns it and rolls its batch back, and the emptying of
     * the tables waits for any batch still committing.
     */
    private void takeOverAllSegments() {
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ?",
                node.id(), DateTimeUtils.formatInstant(Instant.now()), Projections.GROUP));
    }

    public Map<String, Object> status() {
        StreamingEventProcessor processor = processor();
        Map<String, Object> status = new LinkedHashMap<>();
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        status.put("running", processor.isRunning());
        status.put("replaying", processor.isReplaying());
        status.put("headPosition", head);
        long slowest = processor.processingStatus().values().stream()
                .mapToLong(s -> position(s)).min().orElse(-1);
        status.put("processedPosition", slowest);
        status.put("lastError", lastError.get());
        return status;
    }

    private static long position(EventTrackerStatus s) {
        return s.getCurrentPosition().orElse(-1);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("projections processor missing"));
    }
}
