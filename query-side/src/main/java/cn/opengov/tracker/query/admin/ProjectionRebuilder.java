package cn.opengov.tracker.query.admin;

import cn.opengov.tracker.query.projection.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read models: stop the projections, reset their tokens (the reset handlers empty every read-model
 * table, in one transaction with the token reset), and start again from the first event. The tables then fill
 * as the replay proceeds; {@link #status()} tells how far it is.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public ProjectionRebuilder(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public synchronized void startRebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
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
