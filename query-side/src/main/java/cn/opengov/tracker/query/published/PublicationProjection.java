package cn.opengov.tracker.query.published;

import cn.opengov.tracker.api.reporting.AnnualReportPublished;
import cn.opengov.tracker.query.projection.Projections;
import cn.opengov.tracker.query.projection.StateJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import cn.opengov.tracker.query.projection.Savepoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Every publication, frozen as the command side computed it at the moment of publishing. */
@Component
@ProcessingGroup(Projections.GROUP)
public class PublicationProjection {

    private final JdbcTemplate jdbc;
    private final Savepoints savepoints;

    public PublicationProjection(JdbcTemplate jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    @EventHandler
    public void on(AnnualReportPublished e, @org.axonframework.eventhandling.Timestamp Instant at,
                   @MetaDataValue("recordedBy") String by) {
        // behind a savepoint: should it fail, the event is parked and the batch's transaction goes on
        savepoints.run(() -> jdbc.update("INSERT INTO published_report (agency_code, year, include_sub_agencies, published_at, published_by, matrix, review_litigation) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)", e.agencyCode(), e.year(), e.includeSubAgencies(),
                Timestamp.from(at), by, StateJson.write(e.table()), StateJson.write(e.reviewLitigation())));
    }

    @ResetHandler
    public void reset() {
        jdbc.execute("TRUNCATE published_report");
    }
}
