package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.HolidayNoticeLoaded;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.query.projection.Projections;
import cn.opengov.tracker.query.projection.Savepoints;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A holiday notice was loaded: the open requests' due dates follow the new calendar at once. */
@Component
@ProcessingGroup(Projections.GROUP)
public class CalendarChangeProjection {

    private final CalendarStore calendars;
    private final DeadlineBoardWriter board;
    private final Savepoints savepoints;

    public CalendarChangeProjection(CalendarStore calendars, DeadlineBoardWriter board, Savepoints savepoints) {
        this.calendars = calendars;
        this.board = board;
        this.savepoints = savepoints;
    }

    @EventHandler
    public void on(HolidayNoticeLoaded e) {
        // behind a savepoint: should it fail, the event is parked and the batch's transaction goes on
        savepoints.run(() -> {
            calendars.reload();
            board.recomputeAll();
        });
    }
}
