package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.deadline.BoardStatus;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.jdbc.PlannedEachTime;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.replica.ReplicaReads;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The deadline board of an agency (and, when asked, its sub-agencies) as of any date. Due dates come stored; per
 * line only the working days left are counted, in O(1). A line whose steps are all on or before {@code asOf} uses
 * the stored dates; for an earlier {@code asOf} its timeline is replayed up to that day, so steps taken later do
 * not show. A line with a consultation or fee notice open is also read from its timeline: a consultation stops the
 * clock only until its reply limit (SPEC §2b), so whether it is suspended depends on the day.
 */
@Component
public class DeadlineBoardQueries {

    private static final Comparator<DeadlineBoard.BoardItem> SOONEST_DUE = Comparator
            .comparing(DeadlineBoard.BoardItem::answerDueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DeadlineBoard.BoardItem::receivedOn)
            .thenComparing(DeadlineBoard.BoardItem::trackingNo);

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final RollUps rollUps;
    private final CalendarStore calendars;
    private final Clock clock;

    public DeadlineBoardQueries(ReplicaReads reads, AgencyScope scope, RollUps rollUps, CalendarStore calendars,
                                Clock clock) {
        this.jdbc = reads.jdbc();
        this.scope = scope;
        this.rollUps = rollUps;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * @param asOf   null for today
     * @param states null or empty for every state
     */
    public DeadlineBoard board(String agencyCode, boolean includeSubAgencies, LocalDate asOf, List<BoardState> states) {
        return board(agencyCode, includeSubAgencies, asOf, states, null);
    }

    /**
     * @param asOf     null for today
     * @param states   null or empty for every state
     * @param assignee the 承办人's username; null or blank for every request
     */
    public DeadlineBoard board(String agencyCode, boolean includeSubAgencies, LocalDate asOf, List<BoardState> states,
                               String assignee) {
        return board(scope.codesFor(agencyCode, includeSubAgencies), asOf == null ? LocalDate.now(clock) : asOf, states,
                assignee, calendars.current());
    }

    private DeadlineBoard board(List<String> codes, LocalDate day, List<BoardState> states, String assignee,
                                WorkingDayCalendar calendar) {
        boolean byAssignee = assignee != null && !assignee.isBlank();
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                        + " FROM deadline_board WHERE agency_code = ANY(?) AND received_on <= ?"
                        + (byAssignee ? " AND assignee = ?" : ""),
                DeadlineBoardWriter.ROW, byAssignee ? new Object[] {codes.toArray(String[]::new), day, assignee.strip()}
                        : new Object[] {codes.toArray(String[]::new), day});
        List<DeadlineBoard.BoardItem> all = items(rows, day, calendar, null);
        List<DeadlineBoard.BoardItem> items = all.stream().filter(i -> matches(states, i.state())).toList();
        return new DeadlineBoard(day, items, items.size(), DeadlineBoard.countsOf(all), null, null);
    }

    /**
     * One page of the board ({@code page} 0-based), with the total and the counts per state of the whole scope. The
     * lines whose stored due date tells their state (clock running, no step after {@code asOf}, due date inside the
     * loaded calendar years around it: nearly all) are counted in SQL and paged in SQL on an index in the board's own
     * order; the others (待补正, 中止计时, a day in the past, a calendar not loaded) are few and computed here as on
     * the unpaged board, then merged into their places.
     */
    public DeadlineBoard page(String agencyCode, boolean includeSubAgencies, LocalDate asOf, List<BoardState> states,
                              String assignee, int page, int size) {
        return page(scope.codesFor(agencyCode, includeSubAgencies), asOf == null ? LocalDate.now(clock) : asOf, states,
                assignee, page, size);
    }

    /**
     * A page of the board of {@code codes} as of {@code day}. Issue 18: for an agency's whole tree, without a 承办人
     * filter and while the roll-ups are current, the running lines are counted per due date from the roll-up of the
     * tree ({@link RollUpTable#BOARD}: a sum over due dates, however many lines), and those counts tell which due
     * dates a page's lines fall on; the page is then read from {@code deadline_board_running_order} (the board's
     * order, not led by the agency) between those dates only, so any page of a province, the first or the last,
     * reads about its own lines. Otherwise as {@link #perAgency}.
     */
    public DeadlineBoard page(List<String> codes, LocalDate day, List<BoardState> states, String assignee, int page,
                              int size) {
        if (assignee == null || assignee.isBlank()) {
            Optional<DeadlineBoard> rolledUp = rollUps.read(codes, root -> page(
                    new Lines(codes.toArray(String[]::new), null, root), day, states, page, size));
            if (rolledUp.isPresent()) {
                return rolledUp.get();
            }
        }
        return perAgency(codes, day, states, assignee, page, size);
    }

    /**
     * The reference: the running lines counted by one GROUP BY over the scope and paged by OFFSET/LIMIT, both on
     * the partial index {@code deadline_board_running_due} (index-only, agency by agency).
     */
    public DeadlineBoard perAgency(List<String> codes, LocalDate day, List<BoardState> states, String assignee,
                                   int page, int size) {
        boolean byAssignee = assignee != null && !assignee.isBlank();
        return page(new Lines(codes.toArray(String[]::new), byAssignee ? assignee.strip() : null, null), day, states,
                page, size);
    }

    private DeadlineBoard page(Lines lines, LocalDate day, List<BoardState> states, int page, int size) {
        WorkingDayCalendar calendar = calendars.current();
        RunningBounds bounds = RunningBounds.of(calendar, day);
        if (bounds == null) {
            DeadlineBoard all = board(List.of(lines.codes()), day, states, lines.assignee(), calendar);
            int from = (int) Math.min((long) page * size, all.items().size());
            return new DeadlineBoard(day, all.items().subList(from, Math.min(from + size, all.items().size())),
                    all.total(), all.counts(), page, size);
        }
        String scope = lines.scope();
        List<Object> scopeArgs = lines.scopeArgs(day);

        // the few lines computed here: everything the running index does not hold
        List<Object> otherArgs = new ArrayList<>(scopeArgs);
        otherArgs.addAll(List.of(day, bounds.from(), bounds.through()));
        otherArgs.addAll(scopeArgs);
        otherArgs.add(day);
        List<BoardRow> otherRows = jdbc.query(planned("SELECT " + DeadlineBoardWriter.COLUMNS + (lines.root() == null
                // the running lines outside the index's reach: found index-only, then read whole by key
                ? " FROM deadline_board WHERE request_id = ANY(ARRAY(SELECT request_id FROM deadline_board"
                        + " WHERE " + scope + " AND phase = 'RUNNING' AND NOT (last_step_on <= ?"
                        + " AND answer_due_on IS NOT NULL AND answer_due_on BETWEEN ? AND ?)))"
                // the same lines of a whole tree: from the ends of the due-date order and the steps after the day
                // (deadline_board_running_order, _running_step), not from every line of 2,000 departments
                : " FROM deadline_board WHERE " + scope + " AND phase = 'RUNNING' AND (last_step_on > ?"
                        + " OR answer_due_on IS NULL OR answer_due_on < ? OR answer_due_on > ?)")
                + " UNION ALL SELECT " + DeadlineBoardWriter.COLUMNS + " FROM deadline_board WHERE " + scope
                + " AND phase <> 'RUNNING' AND NOT (phase = 'AWAITING_CORRECTION' AND last_step_on <= ?)",
                otherArgs.toArray()), DeadlineBoardWriter.ROW);
        // 待补正 as stored: the state and place (no due date: after every dated line) need no timeline
        List<Object> waitingArgs = new ArrayList<>(scopeArgs);
        waitingArgs.add(day);
        Set<UUID> waiting = new HashSet<>();
        List<DeadlineBoard.BoardItem> others = new ArrayList<>(items(otherRows, day, calendar, null));
        jdbc.query(planned("SELECT request_id, received_on, tracking_no FROM deadline_board WHERE " + scope
                + " AND phase = 'AWAITING_CORRECTION' AND last_step_on <= ?", waitingArgs.toArray()), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    waiting.add(id);
                    others.add(new DeadlineBoard.BoardItem(id, rs.getString(3), null, null,
                            rs.getObject(2, LocalDate.class), BoardState.AWAITING_CORRECTION, null, null, null, null,
                            false, null, null, null, null, null, null));
                });
        others.sort(SOONEST_DUE);
        List<DeadlineBoard.BoardItem> computed = others;
        Map<BoardState, Long> counts = DeadlineBoard.countsOf(computed);
        List<DeadlineBoard.BoardItem> matching = computed.stream().filter(i -> matches(states, i.state())).toList();

        String running = " FROM deadline_board WHERE " + scope
                + " AND phase = 'RUNNING' AND last_step_on <= ? AND answer_due_on BETWEEN ? AND ?";
        // the running lines per due date, in the board's order (whole trees only)
        NavigableMap<LocalDate, Long> perDueDate = null;
        if (lines.root() == null) {
            // counts of the running lines by one GROUP BY over the scope (index-only on the partial index)
            List<Object> runningArgs = new ArrayList<>(List.of(bounds.soonFrom(), day));
            runningArgs.addAll(scopeArgs);
            runningArgs.addAll(List.of(day, bounds.from(), bounds.through()));
            jdbc.query(planned("SELECT CASE WHEN answer_due_on >= ? THEN 'ON_TRACK' WHEN answer_due_on >= ?"
                    + " THEN 'DUE_SOON' ELSE 'OVERDUE' END AS state, count(*)" + running + " GROUP BY 1",
                    runningArgs.toArray()),
                    rs -> { counts.merge(BoardState.valueOf(rs.getString(1)), rs.getLong(2), Long::sum); });
        } else {
            // the tree's running lines per due date from its roll-up, less those with a step after the day (the
            // roll-up counts them by their stored due date; the board reads them from their timeline, above). A
            // line's last step is never before its receipt: those received after the day are among them.
            NavigableMap<LocalDate, Long> perDue = new TreeMap<>();
            jdbc.query("SELECT answer_due_on, sum(n) FROM ("
                    + RollUpTable.BOARD.subtree("answer_due_on, n", "answer_due_on BETWEEN ? AND ?")
                    + ") t GROUP BY answer_due_on", rs -> {
                        perDue.merge(rs.getObject(1, LocalDate.class), rs.getLong(2), Long::sum);
                    }, RollUpTable.subtreeArgs(lines.root(), bounds.from(), bounds.through()));
            List<Object> steppedArgs = new ArrayList<>(lines.agencyArgs());
            steppedArgs.addAll(List.of(day, bounds.from(), bounds.through()));
            jdbc.query(planned("SELECT answer_due_on, count(*) FROM deadline_board WHERE " + lines.agencies()
                    + "phase = 'RUNNING' AND last_step_on > ? AND answer_due_on BETWEEN ? AND ?"
                    + " GROUP BY answer_due_on", steppedArgs.toArray()),
                    rs -> { perDue.merge(rs.getObject(1, LocalDate.class), -rs.getLong(2), Long::sum); });
            perDue.forEach((due, n) -> counts.merge(bounds.stateOf(due, day), n, Long::sum));
            perDueDate = perDue;
        }

        // the running lines of the page: keyset order of the index, LIMIT/OFFSET, keys only
        List<Object> pageArgs = new ArrayList<>(scopeArgs);
        pageArgs.addAll(List.of(day, bounds.from(), bounds.through()));
        StringBuilder stateFilter = new StringBuilder();
        long runningTotal = 0;
        for (BoardState s : List.of(BoardState.OVERDUE, BoardState.DUE_SOON, BoardState.ON_TRACK)) {
            if (!matches(states, s)) {
                continue;
            }
            runningTotal += counts.get(s) - matching.stream().filter(i -> i.state() == s).count();
            stateFilter.append(stateFilter.isEmpty() ? "" : " OR ").append(switch (s) {
                case OVERDUE -> "answer_due_on < ?";
                case DUE_SOON -> "(answer_due_on >= ? AND answer_due_on < ?)";
                default -> "answer_due_on >= ?";
            });
            pageArgs.addAll(switch (s) {
                case OVERDUE -> List.of(day);
                case DUE_SOON -> List.of(day, bounds.soonFrom());
                default -> List.of(bounds.soonFrom());
            });
        }
        long offset = (long) page * size;
        int window = (int) Math.min(offset, matching.size());
        long from = offset - window;
        List<RunningKey> keys = List.of();
        DueDates dates = perDueDate == null || stateFilter.isEmpty() ? null
                : DueDates.of(perDueDate, due -> matches(states, bounds.stateOf(due, day)), from, size + window);
        if (!stateFilter.isEmpty() && (perDueDate == null || dates != null)) {
            String between = "";
            long skip = from;
            if (dates != null) {
                // only the due dates the page's lines fall on: an OFFSET within the first of them, not the scope's
                between = " AND answer_due_on BETWEEN ? AND ?";
                pageArgs.addAll(List.of(dates.first(), dates.last()));
                skip = dates.skip();
            }
            pageArgs.addAll(List.of(skip, size + window));
            keys = jdbc.query(planned("SELECT request_id, answer_due_on, received_on, tracking_no" + running
                    + " AND (" + stateFilter + ")" + between
                    + " ORDER BY answer_due_on, received_on, tracking_no COLLATE \"C\", request_id OFFSET ? LIMIT ?",
                    pageArgs.toArray()), (rs, i) -> new RunningKey(rs.getObject(1, UUID.class),
                    rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4)));
        }
        List<UUID> onPage = new ArrayList<>();
        List<DeadlineBoard.BoardItem> pageOthers = new ArrayList<>();
        // a line's place = the running lines before it + the other lines before it (on a tie the other line first);
        // both lists are in the board's order, so one pass over each
        int before = 0;
        for (int i = 0; i < keys.size(); i++) {
            RunningKey k = keys.get(i);
            while (before < matching.size() && k.compareTo(matching.get(before)) >= 0) {
                before++;
            }
            long place = from + i + before;
            if (place >= offset && place < offset + size) {
                onPage.add(k.requestId());
            }
        }
        int fetchedBefore = 0;
        for (int j = 0; j < matching.size(); j++) {
            DeadlineBoard.BoardItem o = matching.get(j);
            if (from > 0 && (keys.isEmpty() || keys.get(0).compareTo(o) >= 0)) {
                continue; // at or before the first running line fetched, so before the page
            }
            while (fetchedBefore < keys.size() && keys.get(fetchedBefore).compareTo(o) < 0) {
                fetchedBefore++;
            }
            long place = from + j + fetchedBefore;
            if (place >= offset && place < offset + size) {
                if (waiting.contains(o.requestId())) {
                    onPage.add(o.requestId());
                } else {
                    pageOthers.add(o);
                }
            }
        }
        List<DeadlineBoard.BoardItem> items = new ArrayList<>(pageOthers);
        if (!onPage.isEmpty()) {
            items.addAll(items(jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                            + " FROM deadline_board WHERE request_id = ANY(?)", DeadlineBoardWriter.ROW,
                    (Object) onPage.toArray(UUID[]::new)), day, calendar, null));
        }
        items.sort(SOONEST_DUE);
        return new DeadlineBoard(day, items, runningTotal + matching.size(), counts, page, size);
    }

    /**
     * A statement of a page: which index serves it depends on the scope (a department's few lines, a province's
     * 2,000 agencies, a day in the past), so it is planned for its own values each time.
     */
    private static PreparedStatementCreator planned(String sql, Object[] args) {
        return PlannedEachTime.statement(sql, args);
    }

    private static boolean matches(List<BoardState> states, BoardState state) {
        return states == null || states.isEmpty() || states.contains(state);
    }

    /**
     * Whose lines a page reads: those of {@code codes}, of one 承办人 (null: everyone's), and {@code root} when the
     * running lines are counted from the roll-up of its tree (null: from the lines themselves).
     */
    private record Lines(String[] codes, String assignee, String root) {

        /**
         * The condition on the agency, joined to what follows by AND. A whole tree's codes are a set to join with:
         * as {@code = ANY(?)} the planner weighs each of a province's 2,000 codes against the column's statistics,
         * 5 ms a statement before it starts.
         */
        String agencies() {
            return root == null ? "agency_code = ANY(?) AND " : "agency_code IN (SELECT unnest(?::varchar[])) AND ";
        }

        List<Object> agencyArgs() {
            return List.of((Object) codes);
        }

        /** The lines of the scope received by the day: {@link #scopeArgs}. */
        String scope() {
            return agencies() + "received_on <= ?" + (assignee == null ? "" : " AND assignee = ?");
        }

        List<Object> scopeArgs(LocalDate day) {
            List<Object> args = new ArrayList<>(agencyArgs());
            args.add(day);
            if (assignee != null) {
                args.add(assignee);
            }
            return args;
        }
    }

    /**
     * The due dates that running lines {@code skip + 1} to {@code skip + count} of the page fall on (in the board's
     * order, among the dates {@code matching} keeps), from the number of lines per date; the first line of the range
     * is the {@code skip + 1}-th of {@code first}'s lines.
     */
    record DueDates(LocalDate first, LocalDate last, long skip) {

        /** Null when there are no more than {@code from} lines. */
        static DueDates of(NavigableMap<LocalDate, Long> perDueDate, Predicate<LocalDate> matching, long from,
                           long count) {
            long before = 0;
            LocalDate first = null;
            long skip = 0;
            LocalDate last = null;
            for (Map.Entry<LocalDate, Long> e : perDueDate.entrySet()) {
                long n = e.getValue();
                if (n <= 0 || !matching.test(e.getKey())) {
                    continue;
                }
                if (first == null && before + n > from) {
                    first = e.getKey();
                    skip = from - before;
                }
                before += n;
                if (first != null) {
                    last = e.getKey();
                    if (before >= from + count) {
                        break;
                    }
                }
            }
            return first == null ? null : new DueDates(first, last, skip);
        }
    }

    /** A running line's place in the board's order, read from the index alone. */
    private record RunningKey(UUID requestId, DeadlineBoard.BoardItem asItem) {
        RunningKey(UUID requestId, LocalDate answerDueOn, LocalDate receivedOn, String trackingNo) {
            this(requestId, new DeadlineBoard.BoardItem(requestId, trackingNo, null, null, receivedOn, null, null,
                    answerDueOn, null, null, false, null, null, null, null, null, null));
        }

        int compareTo(DeadlineBoard.BoardItem o) {
            return SOONEST_DUE.compare(asItem, o);
        }
    }

    /**
     * The due dates whose state SQL can tell for {@code day}: those inside the loaded calendar years around it (the
     * count of working days left needs each year), and from {@code soonFrom} on more than 5 working days left.
     * Null when {@code day}'s own year is not loaded.
     */
    record RunningBounds(LocalDate from, LocalDate through, LocalDate soonFrom) {
        static RunningBounds of(WorkingDayCalendar calendar, LocalDate day) {
            if (!calendar.isLoaded(day.getYear())) {
                return null;
            }
            int first = day.getYear();
            while (calendar.isLoaded(first - 1)) {
                first--;
            }
            int last = day.getYear();
            while (calendar.isLoaded(last + 1)) {
                last++;
            }
            LocalDate through = LocalDate.of(last, 12, 31);
            LocalDate soonFrom;
            try {
                soonFrom = calendar.plusWorkingDays(day, Deadlines.DUE_SOON_WORKING_DAYS + 1);
            } catch (CalendarNotLoadedException e) {
                soonFrom = through.plusDays(1);
            }
            return new RunningBounds(LocalDate.of(first, 1, 1), through, soonFrom);
        }

        /** The state as of {@code day} of a running line due on {@code due} (within the bounds), as the SQL above. */
        BoardState stateOf(LocalDate due, LocalDate day) {
            return !due.isBefore(soonFrom) ? BoardState.ON_TRACK : !due.isBefore(day) ? BoardState.DUE_SOON
                    : BoardState.OVERDUE;
        }
    }

    /**
     * Every agency's unanswered requests received by {@code day}, soonest due first, with no user's scope: for the
     * reminders (期限提醒), which run for every user at once.
     */
    public List<DeadlineBoard.BoardItem> everyAgency(LocalDate day) {
        List<BoardRow> rows = jdbc.query("SELECT " + DeadlineBoardWriter.COLUMNS
                + " FROM deadline_board WHERE received_on <= ?", DeadlineBoardWriter.ROW, day);
        return items(rows, day, calendars.current(), null);
    }

    private static List<DeadlineBoard.BoardItem> items(List<BoardRow> rows, LocalDate day, WorkingDayCalendar calendar,
                                                       List<BoardState> states) {
        List<DeadlineBoard.BoardItem> items = new ArrayList<>(rows.size());
        for (BoardRow row : rows) {
            BoardStatus status = row.storedStateHoldsOn(day)
                    ? BoardStatus.of(row.phase(), row.answerDueOn(), day, calendar)
                    : BoardStatus.of(row.timeline(), day, calendar);
            if (states != null && !states.isEmpty() && !states.contains(status.state())) {
                continue;
            }
            items.add(new DeadlineBoard.BoardItem(row.requestId(), row.trackingNo(), row.agencyCode(), row.applicantName(),
                    row.receivedOn(), status.state(), status.state().label(), status.answerDueOn(),
                    status.workingDaysLeft(), row.correctionNoticeDueOn(), status.consultationOverdue(), row.assignee(),
                    row.timeline().ruleSet().code(), row.timeline().correctionNoticeOn(),
                    row.timeline().isAwaitingCorrection() ? row.timeline().correctionApplicantDueOn() : null,
                    status.state() == BoardState.CALENDAR_NOT_LOADED ? missingYear(calendar, day) : null,
                    openReplyDue(row.timeline(), calendar)));
        }
        items.sort(SOONEST_DUE);
        return items;
    }

    /** The first year after {@code day}'s whose holiday notice is not loaded: what a CALENDAR_NOT_LOADED deadline waits for. */
    static Integer missingYear(WorkingDayCalendar calendar, LocalDate day) {
        int year = day.getYear();
        while (calendar.isLoaded(year) && year < day.getYear() + 5) {
            year++;
        }
        return year;
    }

    /** The latest reply limit of the consultations still open, or null (none open, or the calendar not reaching it). */
    static LocalDate openReplyDue(RequestTimeline t, WorkingDayCalendar calendar) {
        LocalDate latest = null;
        for (Pause p : t.consultations()) {
            if (!p.isOpen()) {
                continue;
            }
            try {
                LocalDate due = Deadlines.replyDueOn(p, t.ruleSet(), calendar);
                if (due != null && (latest == null || due.isAfter(latest))) {
                    latest = due;
                }
            } catch (CalendarNotLoadedException e) {
                return null;
            }
        }
        return latest;
    }
}
