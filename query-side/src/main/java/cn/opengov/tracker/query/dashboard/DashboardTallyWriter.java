package cn.opengov.tracker.query.dashboard;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.Tally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps {@code dashboard_tally}: each request once under the month it was received, once answered under the month of
 * its answer with the working days the answer took (from the clock's start: the date of receipt, or of the
 * corrected application, to the answer — SPEC §3's count, pauses not taken off), and once more as LATE when the
 * answer came after its due date. {@link Tally} moves the counts when a request changes; the rebuild feeds it too.
 */
@Component
public class DashboardTallyWriter implements ReadModelWriter {

    static final String RECEIVED = "RECEIVED";
    static final String ANSWERED = "ANSWERED";
    static final String LATE = "LATE";
    /** The key's columns, in the order {@link DashKey} gives their values. */
    private static final String KEY_COLUMNS = "agency_code, year, month, kind, days";

    private final JdbcTemplate jdbc;
    private final Tally<DashKey> tally;

    public DashboardTallyWriter(JdbcTemplate jdbc, CalendarStore calendars) {
        this.jdbc = jdbc;
        this.tally = new Tally<>(
                "INSERT INTO dashboard_tally (" + KEY_COLUMNS + ", segment, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (agency_code, year, month, kind, days, segment) DO UPDATE SET n = dashboard_tally.n + EXCLUDED.n",
                s -> keys(s, calendars.current()),
                k -> new Object[] {k.agencyCode(), k.year(), k.month(), k.kind(), k.days()});
    }

    @Override
    public Batch newBatch(int segment) {
        return Tally.batch(jdbc, segment, tally);
    }

    /** In a bulk rebuild each batch's counts are staged by COPY and summed once at the end (query V85 says why). */
    @Override
    public Batch newRebuildBatch() {
        return Tally.staged(jdbc, tally, "dashboard_tally_rebuild", KEY_COLUMNS);
    }

    @Override
    public void rebuildFinished() {
        jdbc.update("INSERT INTO dashboard_tally (" + KEY_COLUMNS + ", segment, n) SELECT " + KEY_COLUMNS
                + ", 0, sum(n) FROM dashboard_tally_rebuild GROUP BY " + KEY_COLUMNS + " HAVING sum(n) <> 0");
        jdbc.execute("TRUNCATE dashboard_tally_rebuild");
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE dashboard_tally, dashboard_tally_rebuild");
    }

    static List<DashKey> keys(RequestState s, WorkingDayCalendar calendar) {
        List<DashKey> keys = new ArrayList<>(3);
        LocalDate received = s.receivedOn();
        keys.add(new DashKey(s.agencyCode(), received.getYear(), received.getMonthValue(), RECEIVED, 0));
        LocalDate answered = s.answeredOn();
        if (answered == null) {
            return keys;
        }
        RequestTimeline t = s.timeline();
        int days = workingDaysToAnswer(t, answered, calendar);
        keys.add(new DashKey(s.agencyCode(), answered.getYear(), answered.getMonthValue(), ANSWERED, days));
        LocalDate due = Deadlines.answerDueOrNull(t, calendar);
        if (due != null && answered.isAfter(due)) {
            keys.add(new DashKey(s.agencyCode(), answered.getYear(), answered.getMonthValue(), LATE, 0));
        }
        return keys;
    }

    /** Working days in (clock start, answeredOn]; -1 when the calendar of those years is not loaded. */
    static int workingDaysToAnswer(RequestTimeline t, LocalDate answeredOn, WorkingDayCalendar calendar) {
        try {
            return calendar.workingDaysBetween(t.clockStart(), answeredOn);
        } catch (CalendarNotLoadedException e) {
            return -1;
        }
    }

    /** The primary key of dashboard_tally (without the segment), ordered as the key is. */
    record DashKey(String agencyCode, int year, int month, String kind, int days) implements Comparable<DashKey> {
        private static final Comparator<DashKey> ORDER = Comparator.comparing(DashKey::agencyCode)
                .thenComparingInt(DashKey::year).thenComparingInt(DashKey::month).thenComparing(DashKey::kind)
                .thenComparingInt(DashKey::days);

        @Override
        public int compareTo(DashKey o) {
            return ORDER.compare(this, o);
        }
    }
}
