package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.ClockPhase;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.query.projection.IdArrays;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.query.projection.StateJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps {@code deadline_board} to the unanswered requests, each with its due dates computed once here rather
 * than on every look at the board. A newly loaded holiday notice recomputes them all.
 */
@Component
public class DeadlineBoardWriter implements ReadModelWriter {

    static final String COLUMNS = "request_id, agency_code, tracking_no, applicant_name, received_on, phase, "
            + "answer_due_on, correction_notice_due_on, last_step_on, timeline";

    static final RowMapper<BoardRow> ROW = (rs, i) -> new BoardRow(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), ClockPhase.valueOf(rs.getString(6)),
            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
            StateJson.read(rs.getString(10), RequestTimeline.class));

    private final JdbcTemplate jdbc;
    private final CalendarStore calendars;

    public DeadlineBoardWriter(JdbcTemplate jdbc, CalendarStore calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    @Override
    public Batch newBatch(int segment) {
        return batch(true);
    }

    /** The table was emptied: answered requests have no row to remove. */
    @Override
    public Batch newRebuildBatch() {
        return batch(false);
    }

    private Batch batch(boolean removeAnswered) {
        Map<UUID, RequestState> latest = new LinkedHashMap<>();
        return new Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
                latest.put(after.requestId(), after);
            }

            @Override
            public void flush() {
                WorkingDayCalendar calendar = calendars.current();
                List<BoardRow> open = new ArrayList<>();
                List<UUID> answered = new ArrayList<>();
                for (RequestState s : latest.values()) {
                    if (s.isAnswered()) {
                        answered.add(s.requestId());
                    } else {
                        open.add(BoardRow.of(s, calendar));
                    }
                }
                upsert(open);
                if (removeAnswered && !answered.isEmpty()) {
                    jdbc.update("DELETE FROM deadline_board WHERE request_id = ANY(?)", ps -> IdArrays.bind(ps, 1, answered));
                }
            }
        };
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE deadline_board");
    }

    /** The due dates of every open request again, after the calendar changed. */
    public void recomputeAll() {
        WorkingDayCalendar calendar = calendars.current();
        List<BoardRow> rows = jdbc.query("SELECT " + COLUMNS + " FROM deadline_board", ROW);
        upsert(rows.stream().map(r -> r.recomputed(calendar)).toList());
    }

    private void upsert(List<BoardRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO deadline_board (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (request_id) DO UPDATE SET applicant_name = EXCLUDED.applicant_name, "
                + "received_on = EXCLUDED.received_on, phase = EXCLUDED.phase, answer_due_on = EXCLUDED.answer_due_on, "
                + "correction_notice_due_on = EXCLUDED.correction_notice_due_on, last_step_on = EXCLUDED.last_step_on, "
                + "timeline = EXCLUDED.timeline", rows, 500, DeadlineBoardWriter::bind);
    }

    private static void bind(PreparedStatement ps, BoardRow r) throws SQLException {
        ps.setObject(1, r.requestId());
        ps.setString(2, r.agencyCode());
        ps.setString(3, r.trackingNo());
        ps.setString(4, r.applicantName());
        ps.setObject(5, r.receivedOn());
        ps.setString(6, r.phase().name());
        setDate(ps, 7, r.answerDueOn());
        setDate(ps, 8, r.correctionNoticeDueOn());
        ps.setObject(9, r.lastStepOn());
        ps.setString(10, StateJson.write(r.timeline()));
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }
}
