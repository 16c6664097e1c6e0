package cn.opengov.tracker.command.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of what a command appended, for the {@code X-Event-Position} header (API.md): a query
 * sent with it waits until the query side has processed that far. Asked after the command committed.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the aggregate's last event. */
    public long lastOf(String aggregateIdentifier) {
        Long position = jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateIdentifier);
        return position == null ? latest() : position;
    }

    /** The store's last position: covers a command that touched many aggregates. */
    public long latest() {
        Long position = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return position == null ? 0 : position;
    }
}
