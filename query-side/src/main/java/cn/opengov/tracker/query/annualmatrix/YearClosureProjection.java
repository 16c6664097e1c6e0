package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.query.projection.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import cn.opengov.tracker.query.projection.Savepoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Which years each agency has closed: from then on the table's 四 is the recorded carry-overs. */
@Component
@ProcessingGroup(Projections.GROUP)
public class YearClosureProjection {

    private final JdbcTemplate jdbc;
    private final Savepoints savepoints;

    public YearClosureProjection(JdbcTemplate jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    @EventHandler
    public void on(YearClosed e, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue("recordedBy") String by) {
        // behind a savepoint: should it fail, the event is parked and the batch's transaction goes on
        savepoints.run(() -> jdbc.update("INSERT INTO year_closure (agency_code, closed_through, closed_at, closed_by) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (agency_code) DO UPDATE SET closed_through = EXCLUDED.closed_through, "
                        + "closed_at = EXCLUDED.closed_at, closed_by = EXCLUDED.closed_by WHERE year_closure.closed_through < EXCLUDED.closed_through",
                e.agencyCode(), e.year(), Timestamp.from(at), by));
    }

    @ResetHandler
    public void reset() {
        jdbc.execute("TRUNCATE year_closure");
    }
}
