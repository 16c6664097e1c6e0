package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.fee.InformationProcessingFees;
import cn.opengov.tracker.api.fee.SameApplicant;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.jdbc.PlannedEachTime;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The request list and the request detail, read from {@code request_view} within the user's agency tree; the
 * detail's history from the event store. The API and the pages both read through here.
 */
@Component
public class RequestQueries {

    private static final int MAX_PAGE_SIZE = 200;
    /** A search counts its matches exactly up to this many (API.md: {@code total}, {@code totalCapped}). */
    static final int SEARCH_COUNT_CAP = 1_000;
    /**
     * A common term's page is looked for among this many of the newest requests first: reading them costs a few
     * milliseconds, and a term in one request of a hundred fills a page of 50 there over a whole province.
     */
    static final int PROBE_ROWS = 2_000;
    /**
     * A rarer term is read month by month while a month should hold at most this many matches (and the page lies
     * within as many): more, and the planner's way reads no more than that.
     */
    static final int MAX_MONTH_MATCHES = 50_000;
    /** A window of months asks the index for each month's grams: at most this many months in one statement. */
    static final int MAX_WINDOW_MONTHS = 120;
    /** An agency's key in a month costs the index about as much as this many rows read from the table cost. */
    static final double ROWS_PER_AGENCY_KEY = 1;
    /** A window over some agencies asks for each one's key in each month: at most about this many in one statement. */
    static final int MAX_WINDOW_AGENCY_KEYS = 10_000;

    private final JdbcTemplate jdbc;
    private final GramFrequencies frequencies;
    private final HistoryReader history;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final CalendarStore calendars;
    private final Clock clock;

    public RequestQueries(ReplicaReads reads, GramFrequencies frequencies, HistoryReader history, AgencyScope scope,
                          AgencyDirectory agencies, CalendarStore calendars, Clock clock) {
        this.jdbc = reads.jdbc();
        this.frequencies = frequencies;
        this.history = history;
        this.scope = scope;
        this.agencies = agencies;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * A page of requests, newest receipt first.
     *
     * @param status null or blank for all, OPEN or ANSWERED
     * @param q      matched against tracking number, applicant name and description; null for no filter
     */
    public RequestPage list(String agencyCode, boolean includeSubAgencies, String status, String q, int page, int size) {
        return list(agencyCode, includeSubAgencies, status, q, null, page, size);
    }

    /**
     * A page of requests, newest receipt first.
     *
     * @param status   null or blank for all, OPEN or ANSWERED
     * @param q        matched against tracking number, applicant name and description; null for no filter
     * @param assignee the 承办人's username; null or blank for no filter
     */
    public RequestPage list(String agencyCode, boolean includeSubAgencies, String status, String q, String assignee,
                            int page, int size) {
        StatePage states = states(agencyCode, includeSubAgencies, status, q, assignee, page, size, SEARCH_COUNT_CAP);
        WorkingDayCalendar calendar = calendars.current();
        return new RequestPage(states.items().stream().map(s -> RequestListItem.of(s, calendar)).toList(), states.total(),
                states.totalCapped(), page, size);
    }

    /**
     * A page of the search's requests as folded states (the exports read more of each than the list shows), and how
     * it was found.
     */
    record StatePage(List<RequestState> items, long total, boolean totalCapped, SearchPath path) {
    }

    /** How a search found its page (tests tell the ways apart by it). */
    enum SearchPath {
        /** No q: the whole list, counted exactly. */
        LIST,
        /** The newest requests read newest first until the page was full (a common term). */
        NEWEST_FIRST,
        /** The matches of the newest months, month by month, until the page and the count are sure (a rarer term). */
        BY_MONTH,
        /** The same, the index asked for the scope's agencies' keys too (a term with many candidates elsewhere). */
        BY_MONTH_AND_AGENCIES,
        /** The page and the count as the planner chose to find them. */
        AS_PLANNED
    }

    /** @param countCap a search ({@code q}) counts its matches exactly up to this many, and says so beyond */
    StatePage states(String agencyCode, boolean includeSubAgencies, String status, String q, String assignee,
                     int page, int size, int countCap) {
        return states(agencyCode, includeSubAgencies, status, q, assignee, page, size, countCap, null);
    }

    /**
     * @param tried the one way a search tries before the planner's ({@link SearchPath#NEWEST_FIRST},
     *              {@link SearchPath#BY_MONTH} or {@link SearchPath#BY_MONTH_AND_AGENCIES}: tests walk each); null for
     *              the ones the term's statistics suggest
     */
    StatePage states(String agencyCode, boolean includeSubAgencies, String status, String q, String assignee,
                     int page, int size, int countCap, SearchPath tried) {
        Boolean answered = parseStatus(status);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw RuleViolation.ofField(page < 0 ? "page" : "size", Rule.INVALID_VALUE,
                    "page 不能为负数，size 须在1至" + MAX_PAGE_SIZE + "之间");
        }
        if (q != null && q.length() > 200) {
            throw RuleViolation.ofField("q", Rule.INVALID_VALUE, "搜索词不能超过200个字符");
        }
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        StringBuilder scoped = new StringBuilder(" WHERE agency_code = ANY(?)");
        List<Object> args = new ArrayList<>();
        args.add(codes.toArray(String[]::new));
        if (answered != null) {
            scoped.append(answered ? " AND answered_on IS NOT NULL" : " AND answered_on IS NULL");
        }
        if (assignee != null && !assignee.isBlank()) {
            scoped.append(" AND assignee = ?");
            args.add(assignee.strip());
        }
        String where = scoped.toString();
        boolean search = q != null && !q.isBlank();
        GramFrequencies.Known known = search ? frequencies.known() : GramFrequencies.Known.NONE;
        SearchTerm term = search ? SearchTerm.of(q.strip(), known) : null;
        if (!search) {
            List<Object> pageArgs = paged(args, page, size);
            String pageSql = "SELECT " + RequestViewStore.COLUMNS + " FROM request_view" + where
                    + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?";
            Long counted = jdbc.queryForObject("SELECT count(*) FROM request_view" + where, Long.class, args.toArray());
            return new StatePage(jdbc.query(pageSql, RequestViewStore.STATE, pageArgs.toArray()), counted == null ? 0 : counted, false,
                    SearchPath.LIST);
        }
        // the ILIKE decides, as it always has (SearchGrams says why the grams find the same rows, SearchTerm which of
        // them are asked for); a tracking number may be typed in part
        String matches = " AND (tracking_no ILIKE ? ESCAPE '\\' OR applicant_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')";
        args.add(term.pattern());
        args.add(term.pattern());
        args.add(term.pattern());
        List<Object> pageArgs = paged(args, page, size);
        SearchMonths months = term.narrowed() ? months() : null;
        // the grams narrow the rows (an index), kept per month of receipt: over every month for the planner's way
        String narrowed = where + (months == null ? "" : months.clause(term.grams())) + matches;
        long wanted = (long) page * size + size;
        if (tried == null ? term.share() * PROBE_ROWS >= wanted : tried == SearchPath.NEWEST_FIRST) {
            // a common term: its newest matches are among the newest requests, whatever the scope, read newest first
            // and at most PROBE_ROWS of them (any match further back is older than every one found)
            List<Object> probeArgs = new ArrayList<>();
            probeArgs.add(PROBE_ROWS);
            probeArgs.addAll(pageArgs);
            List<RequestState> newest = query("SELECT " + RequestViewStore.COLUMNS + " FROM (SELECT * FROM request_view "
                    + "ORDER BY received_on DESC, tracking_no DESC LIMIT ?) newest" + where + matches
                    + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?", probeArgs, RequestViewStore.STATE);
            if (newest.size() == size) {
                return counted(newest, SearchPath.NEWEST_FIRST, narrowed, args, countCap);
            }
        }
        if (months != null && wanted <= MAX_MONTH_MATCHES
                && (tried == null || tried == SearchPath.BY_MONTH || tried == SearchPath.BY_MONTH_AND_AGENCIES)) {
            // a rarer term: month by month, newest first, until the page and the count are sure
            Optional<StatePage> byMonth = byMonth(term, known, months, codes, where, matches, args, page, size,
                    countCap, tried);
            if (byMonth.isPresent()) {
                return byMonth.get();
            }
        }
        List<RequestState> items = query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view" + narrowed
                + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?", pageArgs, RequestViewStore.STATE);
        if (items.size() < size && (page == 0 || !items.isEmpty())) {
            // a page that is not full is the last one: it says how many there are
            return new StatePage(items, (long) page * size + items.size(), false, SearchPath.AS_PLANNED);
        }
        return counted(items, SearchPath.AS_PLANNED, narrowed, args, countCap);
    }

    /** The statement's arguments and then a page's {@code LIMIT ? OFFSET ?}. */
    private static List<Object> paged(List<Object> args, int page, int size) {
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        return paged;
    }

    /** The months the requests span (two reads of the receipt index's ends); null when there are none. */
    private SearchMonths months() {
        return jdbc.query("SELECT min(received_on) AS oldest, max(received_on) AS newest FROM request_view",
                (rs, i) -> SearchMonths.between(rs.getObject("oldest", LocalDate.class), rs.getObject("newest", LocalDate.class))).get(0);
    }

    /**
     * The matches of a search month by month, newest first, in windows of months that double, until the page is
     * full and the count has reached its cap, or the months ran out: the ids in the list's order, then the page's
     * rows read in full. The first window is as many months as should hold enough matches by the term's statistics
     * (every month for a rare term: one statement); each window's matches are all newer than the next one's, so the
     * page is sure once enough are found. Empty when the statistics say one month alone holds more than
     * {@link #MAX_MONTH_MATCHES} matches (the planner's way then), unless a way was {@code tried}.
     *
     * @param where   the scope's conditions
     * @param matches the ILIKE
     */
    private Optional<StatePage> byMonth(SearchTerm term, GramFrequencies.Known known, SearchMonths months, List<String> codes,
                                        String where, String matches, List<Object> args, int page, int size, int countCap,
                                        SearchPath tried) {
        long need = Math.max((long) page * size + size, countCap + 1L);
        double perMonth = known.rowsOf(term.share()) / months.count();
        if (tried == null && perMonth > MAX_MONTH_MATCHES) {
            return Optional.empty();
        }
        // the scope's share of them, as its share of the agencies: a city's first window is as long as its own
        // matches need, not the province's (each window is a statement)
        int agencyCount = Math.max(1, agencies.tree().byCode().size());
        double inScope = perMonth * Math.min(1.0, (double) codes.size() / agencyCount);
        long window = Double.isInfinite(inScope) ? 1 : Math.max(1, Math.min(months.count(), (long) Math.ceil(need / Math.max(inScope, 1e-9))));
        boolean agencyKeys = tried == null ? agencyKeysWorthIt(term, known, months.count(), codes.size(), agencyCount)
                : tried == SearchPath.BY_MONTH_AND_AGENCIES && !wide(codes.size(), agencyCount);
        SearchPath path = agencyKeys ? SearchPath.BY_MONTH_AND_AGENCIES : SearchPath.BY_MONTH;
        int[] agencyGrams = agencyKeys ? SearchGrams.agencyGrams(codes) : new int[0];
        long maxWindow = Math.max(1, Math.min(MAX_WINDOW_MONTHS, MAX_WINDOW_AGENCY_KEYS / Math.max(1, agencyGrams.length)));
        List<UUID> ids = new ArrayList<>();
        for (int to = months.last(); to >= months.first() && ids.size() < need; window = window * 2) {
            int from = (int) Math.max(months.first(), to - Math.min(window, maxWindow) + 1);
            List<Object> windowArgs = new ArrayList<>(args);
            windowArgs.add(need - ids.size());
            String keys = SearchMonths.clause(term.grams(), agencyGrams, from, to);
            // in a subquery the planner keeps apart from the scope's conditions: from its guess of 0.5 % of the rows
            // for each key it ANDed a window's few thousand rows with the agency index's entries for the scope (over a
            // province 10 M of them: 0.9 s of a 0.95 s statement, 15 ms without)
            ids.addAll(windowIds("SELECT request_id FROM (SELECT * FROM request_view WHERE TRUE" + keys + " OFFSET 0) window_rows"
                    + where + matches + " ORDER BY received_on DESC, tracking_no DESC LIMIT ?", windowArgs));
            to = from - 1;
        }
        int offset = (int) Math.min((long) page * size, ids.size());
        List<RequestState> items = rowsOf(ids.subList(offset, Math.min(offset + size, ids.size())));
        if (items.size() < size && (page == 0 || !items.isEmpty())) {
            // the last page (every month read): it says how many there are
            return Optional.of(new StatePage(items, (long) page * size + items.size(), false, path));
        }
        return Optional.of(new StatePage(items, Math.min(ids.size(), countCap), ids.size() > countCap, path));
    }

    /**
     * Whether the index should be asked for the keys of the scope's agencies too, each month (each row carries its
     * agency's: SearchGrams), to hand over the scope's own candidates alone: while each agency's key spares more rows
     * read from the table than it costs the index. Every key is a walk down the index (~25 µs warm; a city's 101 in
     * each of 60 months: 150 ms), about what a row read cold from the table costs. A city's search for a name's first
     * digits has ~1,800 candidates a month over the province, 87 of them its own: with the keys its p99 went from
     * 1.1 s to 95 ms at 10 M. A tracking-number prefix has its department's ~80 a month and few others: the keys cost
     * 160 ms and spared 186 rows. Over most of the agencies the keys would cost more than any rows they could spare.
     *
     * @param months the months the requests span
     */
    static boolean agencyKeysWorthIt(SearchTerm term, GramFrequencies.Known known, int months, int codes, int agencyCount) {
        if (wide(codes, agencyCount)) {
            return false;
        }
        double elsewhere = known.rowsOf(term.candidates()) / months * (1 - (double) codes / agencyCount);
        return elsewhere > codes * ROWS_PER_AGENCY_KEY;
    }

    /** Over most of the agencies. */
    private static boolean wide(int codes, int agencyCount) {
        return (long) codes * 2 > agencyCount;
    }

    /**
     * A window's matches, found through its keys' index. PostgreSQL guesses a key it has no statistics of at 0.5 %
     * of the rows (a month's key of a gram has ~0.03 %): for a window of thirty months the guesses added up to a
     * seventh of the table, and it read the whole table (a minute at 10 M) rather than the keys' posting lists
     * (~20 ms). In its own short transaction the statement is planned without the table scan. The transaction is
     * the connection's own, not a Spring one: that would bind the read to the primary, and this one may be the
     * replica's (ReplicaReads).
     */
    private List<UUID> windowIds(String sql, List<Object> args) {
        return jdbc.execute((ConnectionCallback<List<UUID>>) con -> {
            // a caller's own transaction (an export's) stays its own: the setting is put back, nothing committed
            boolean own = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                setSeqScan(con, "off");
                List<UUID> ids = new ArrayList<>();
                try (PreparedStatement ps = PlannedEachTime.statement(sql, args.toArray()).createPreparedStatement(con);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                if (own) {
                    con.commit();
                } else {
                    setSeqScan(con, "DEFAULT");
                }
                return ids;
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    con.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    con.setAutoCommit(true);
                }
            }
        });
    }

    private static void setSeqScan(Connection con, String value) throws SQLException {
        try (Statement set = con.createStatement()) {
            set.execute("SET LOCAL enable_seqscan TO " + value);
        }
    }

    /** The requests in the order of their ids. */
    private List<RequestState> rowsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, RequestState> byId = new HashMap<>();
        jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view WHERE request_id = ANY(?)", RequestViewStore.STATE,
                (Object) ids.toArray(UUID[]::new)).forEach(s -> byId.put(s.requestId(), s));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A common word matches most of a province: counted exactly up to the cap, and said to be more beyond it. */
    private StatePage counted(List<RequestState> items, SearchPath path, String where, List<Object> args, int countCap) {
        long counted = query("SELECT count(*) FROM (SELECT 1 FROM request_view" + where + " LIMIT " + (countCap + 1L) + ") m",
                args, (rs, i) -> rs.getLong(1)).get(0);
        return new StatePage(items, Math.min(counted, countCap), counted > countCap, path);
    }

    /**
     * A search's statement, planned for its own values every time: whether the bigram index or the newest-first
     * order serves best depends on how common the words are, which a plan the driver prepared once for every search
     * (it does after a statement's fifth use) could not know.
     */
    private <T> List<T> query(String sql, List<Object> args, RowMapper<T> rows) {
        return jdbc.query(PlannedEachTime.statement(sql, args.toArray()), rows);
    }

    /** One request the user may see (else 404, which does not reveal that it exists). */
    public RequestDetail detail(UUID id) {
        RequestState state = visible(id);
        String agencyName = agencies.find(state.agencyCode()).map(Agency::name).orElse(state.agencyCode());
        return RequestDetail.of(state, agencyName, calendars.current(), LocalDate.now(clock), history.historyOf(id));
    }

    /**
     * What 国办函〔2020〕109号's tiers give for a fee notice on the request ({@link InformationProcessingFees}): 按件
     * counts the same applicant's requests to the agency in the month of receipt ({@link SameApplicant}), 按量 the
     * pages. The command side proposes the same when the notice is issued, from its own lookup of the month.
     *
     * @param quantity 件数 of this application (按件, default 1) or 页数 (按量, required)
     */
    public FeeProposalView feeProposal(UUID id, FeeBasis basis, Integer quantity, LocalDate noticeOn) {
        RequestState state = visible(id);
        LocalDate on = noticeOn == null ? LocalDate.now(clock) : noticeOn;
        if (basis == null) {
            throw RuleViolation.ofField("basis", Rule.INVALID_VALUE, "请选择计收方式：PER_REQUEST（按件）或 PER_VOLUME（按量）");
        }
        Optional<RuleViolation> notApplicable = InformationProcessingFees.notApplicable(basis, on, state.handling().deliveryForm());
        if (notApplicable.isPresent()) {
            return FeeProposalView.notApplicable(basis, notApplicable.get().getMessage());
        }
        int counted = InformationProcessingFees.quantity(basis, quantity, basis == FeeBasis.PER_VOLUME ? "pages" : "items");
        int earlier = 0;
        if (basis == FeeBasis.PER_REQUEST) {
            YearMonth month = YearMonth.from(state.receivedOn());
            List<SameApplicant.Candidate> candidates = jdbc.query("SELECT " + RequestViewStore.COLUMNS
                            + " FROM request_view WHERE agency_code = ? AND received_on BETWEEN ? AND ?",
                    RequestViewStore.STATE, state.agencyCode(), month.atDay(1), month.atEndOfMonth())
                    .stream().map(RequestQueries::candidate).toList();
            earlier = SameApplicant.earlierInMonth(candidate(state), candidates);
        }
        return FeeProposalView.of(InformationProcessingFees.propose(basis, counted, earlier));
    }

    private static SameApplicant.Candidate candidate(RequestState s) {
        return new SameApplicant.Candidate(s.requestId(), s.trackingNo(), s.receivedOn(), s.applicant());
    }

    private RequestState visible(UUID id) {
        return jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view WHERE request_id = ?",
                        RequestViewStore.STATE, id).stream().findFirst()
                .filter(s -> scope.canSee(s.agencyCode()))
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, id));
    }

    private static Boolean parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status) {
            case "OPEN" -> false;
            case "ANSWERED" -> true;
            default -> throw RuleViolation.ofField("status", Rule.INVALID_VALUE, "“" + status + "”不是可选的取值；可选：OPEN, ANSWERED");
        };
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
