package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.platform.eventstore.NodeIdentity;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Shares the projections' segments evenly among the query-side nodes alive now. Axon's pooled processor claims
 * every free segment it finds and never gives one back, so the first node would keep them all; here each node
 * announces itself, and one holding more than its fair share releases the surplus, which a node with fewer then
 * claims. A node that dies stops announcing itself; its claims time out and the others take them over.
 */
@Component
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    static final int ALIVE_SECONDS = 15;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final NodeIdentity node;

    public SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, NodeIdentity node) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.node = node;
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 2000)
    public void balance() {
        try {
            jdbc.update("INSERT INTO projection_node (node_id, seen_at) VALUES (?, now()) "
                    + "ON CONFLICT (node_id) DO UPDATE SET seen_at = now()", node.id());
            jdbc.update("DELETE FROM projection_node WHERE seen_at < now() - make_interval(secs => ?)", ALIVE_SECONDS * 4);
            Integer alive = jdbc.queryForObject("SELECT count(*) FROM projection_node WHERE seen_at > now() - make_interval(secs => ?)",
                    Integer.class, ALIVE_SECONDS);
            List<Integer> mine = jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = ? AND owner = ? ORDER BY segment DESC",
                    Integer.class, Projections.GROUP, node.id());
            Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class, Projections.GROUP);
            int fair = (int) Math.ceil((double) segments / Math.max(1, alive));
            StreamingEventProcessor processor = processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class).orElse(null);
            if (processor == null || !processor.isRunning() || processor.isReplaying()) {
                return;
            }
            for (int i = 0; i < mine.size() - fair; i++) {
                log.info("releasing segment {} of {} to another node ({} nodes alive, fair share {})", mine.get(i), segments, alive, fair);
                processor.releaseSegment(mine.get(i));
            }
        } catch (RuntimeException e) {
            log.debug("segment balancing skipped this round", e);
        }
    }

    /** Leaving: the other nodes need not wait for this one's heartbeat to expire. */
    @jakarta.annotation.PreDestroy
    public void forget() {
        jdbc.update("DELETE FROM projection_node WHERE node_id = ?", node.id());
    }
}
