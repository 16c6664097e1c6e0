package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.ClockPhase;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.query.projection.IdArrays;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.query.projection.StateJson;
import cn.opengov.tracker.query.projection.TallyDeltas;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
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
 * than on every look at the board. A newly loaded holiday notice recomputes them all. Its running lines are also
 * counted per agency and due date ({@code board_tally}) and per ancestor ({@link RollUpTable#BOARD}), for the
 * counts of a whole tree's board ({@link DeadlineBoardQueries}).
 */
@Component
public class DeadlineBoardWriter implements ReadModelWriter {

    static final String COLUMNS = "request_id, agency_code, tracking_no, applicant_name, received_on, phase, "
            + "answer_due_on, correction_notice_due_on, last_step_on, timeline, assignee";

    static final RowMapper<BoardRow> ROW = (rs, i) -> new BoardRow(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), ClockPhase.valueOf(rs.getString(6)),
            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
            StateJson.read(rs.getString(10), RequestTimeline.class), rs.getString(11));

    /** The running lines with a due date, per agency and due date (query V110); their roll-up is {@link RollUpTable#BOARD}. */
    static final String TALLY_UPSERT = "INSERT INTO board_tally (agency_code, answer_due_on, segment, n) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (agency_code, answer_due_on, segment) DO UPDATE SET n = board_tally.n + EXCLUDED.n";
    /** The tally rows of a holiday notice's recomputation: no segment's batch writes them, so none waits on them. */
    static final int CALENDAR_SEGMENT = -1;

    private final JdbcTemplate jdbc;
    private final CalendarStore calendars;
    private final RollUps rollUps;

    public DeadlineBoardWriter(JdbcTemplate jdbc, CalendarStore calendars, RollUps rollUps) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.rollUps = rollUps;
    }

    /** The rows, and their counts in the tally and its roll-up per ancestor. */
    @Override
    public Batch newBatch(int segment) {
        return batch(segment, true);
    }

    /** The table was emptied: answered requests have no row to remove, and the tally is summed at the end. */
    @Override
    public Batch newRebuildBatch() {
        return batch(0, false);
    }

    private Batch batch(int segment, boolean live) {
        Map<UUID, RequestState> latest = new LinkedHashMap<>();
        return new Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
                latest.put(after.requestId(), after);
            }

            @Override
            public void flush() {
                if (latest.isEmpty()) {
                    return;
                }
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
                if (!live) {
                    upsert(open);
                    return;
                }
                // the counts move from the rows as they are stored (their due dates as computed then) to the new ones
                TallyDeltas<DueKey> deltas = new TallyDeltas<>();
                replaced(new ArrayList<>(latest.keySet())).forEach(key -> deltas.add(key, -1));
                open.forEach(r -> count(deltas, r, 1));
                upsert(open);
                if (!answered.isEmpty()) {
                    jdbc.update("DELETE FROM deadline_board WHERE request_id = ANY(?)", ps -> IdArrays.bind(ps, 1, answered));
                }
                rollUps.add(segment, RollUpTable.BOARD, TALLY_UPSERT, DueKey::columns, deltas);
            }
        };
    }

    /**
     * The stored rows of {@code ids}, locked until the batch commits: a holiday notice's {@link #recomputeAll} may
     * otherwise move a due date between this read and the write, and the tally would lose the move. Locked in key
     * order, as {@link #recomputeAll} locks them, so the two never deadlock.
     */
    private List<DueKey> replaced(List<UUID> ids) {
        return jdbc.query("SELECT phase, agency_code, answer_due_on FROM deadline_board WHERE request_id = ANY(?) "
                        + "ORDER BY request_id FOR UPDATE", ps -> IdArrays.bind(ps, 1, ids),
                (rs, i) -> "RUNNING".equals(rs.getString(1)) && rs.getObject(3) != null
                        ? new DueKey(rs.getString(2), rs.getObject(3, LocalDate.class)) : null)
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    private static void count(TallyDeltas<DueKey> deltas, BoardRow row, int n) {
        if (row.phase() == ClockPhase.RUNNING && row.answerDueOn() != null) {
            deltas.add(new DueKey(row.agencyCode(), row.answerDueOn()), n);
        }
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE deadline_board, board_tally");
    }

    /** The tally is the rebuilt rows grouped by agency and due date: one aggregate instead of a delta per request. */
    @Override
    public void rebuildFinished() {
        jdbc.update("INSERT INTO board_tally (agency_code, answer_due_on, segment, n) "
                + "SELECT agency_code, answer_due_on, 0, count(*) FROM deadline_board "
                + "WHERE phase = 'RUNNING' AND answer_due_on IS NOT NULL GROUP BY agency_code, answer_due_on");
    }

    /**
     * The due dates of every open request again, after the calendar changed; the tally and its roll-up follow.
     * The rows are locked as read (in key order, as a batch locks its own), so a batch's newer row is never
     * overwritten with one recomputed from its older timeline.
     */
    public void recomputeAll() {
        WorkingDayCalendar calendar = calendars.current();
        List<BoardRow> rows = jdbc.query("SELECT " + COLUMNS + " FROM deadline_board ORDER BY request_id FOR UPDATE", ROW);
        TallyDeltas<DueKey> deltas = new TallyDeltas<>();
        List<BoardRow> recomputed = new ArrayList<>(rows.size());
        for (BoardRow row : rows) {
            BoardRow now = row.recomputed(calendar);
            count(deltas, row, -1);
            count(deltas, now, 1);
            recomputed.add(now);
        }
        upsert(recomputed);
        rollUps.add(CALENDAR_SEGMENT, RollUpTable.BOARD, TALLY_UPSERT, DueKey::columns, deltas);
    }

    /** A key of board_tally, ordered as its primary key. */
    record DueKey(String agencyCode, LocalDate answerDueOn) implements Comparable<DueKey> {
        private static final java.util.Comparator<DueKey> ORDER = java.util.Comparator.comparing(DueKey::agencyCode)
                .thenComparing(DueKey::answerDueOn);

        Object[] columns() {
            return new Object[] {agencyCode, answerDueOn};
        }

        @Override
        public int compareTo(DueKey o) {
            return ORDER.compare(this, o);
        }
    }

    private void upsert(List<BoardRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO deadline_board (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (request_id) DO UPDATE SET applicant_name = EXCLUDED.applicant_name, "
                + "received_on = EXCLUDED.received_on, phase = EXCLUDED.phase, answer_due_on = EXCLUDED.answer_due_on, "
                + "correction_notice_due_on = EXCLUDED.correction_notice_due_on, last_step_on = EXCLUDED.last_step_on, "
                + "timeline = EXCLUDED.timeline, assignee = EXCLUDED.assignee", rows, 500, DeadlineBoardWriter::bind);
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
        ps.setString(11, r.assignee());
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }
}
