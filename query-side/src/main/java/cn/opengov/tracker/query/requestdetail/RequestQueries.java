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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
    /** A rarer term's matches are read all at once when the index narrows them to at most this many. */
    static final int ALL_MATCHES = 50_000;
    /** The columns of {@code request_view v}, for a statement that joins it. */
    private static final String QUALIFIED_COLUMNS = Arrays.stream(RequestViewStore.COLUMNS.split(", "))
            .map(c -> "v." + c).collect(Collectors.joining(", "));

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
        /** Every match the index narrowed to, read once for the page and the count (a rarer term). */
        ALL_MATCHES,
        /** The page and the count as the planner chose to find them. */
        AS_PLANNED
    }

    /** @param countCap a search ({@code q}) counts its matches exactly up to this many, and says so beyond */
    StatePage states(String agencyCode, boolean includeSubAgencies, String status, String q, String assignee,
                     int page, int size, int countCap) {
        return states(agencyCode, includeSubAgencies, status, q, assignee, page, size, countCap, null);
    }

    /**
     * @param tried the one way a search tries before the planner's ({@link SearchPath#NEWEST_FIRST} or
     *              {@link SearchPath#ALL_MATCHES}: tests walk each); null for the ones the term's statistics suggest
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
        StringBuilder where = new StringBuilder(" WHERE agency_code = ANY(?)");
        List<Object> args = new ArrayList<>();
        args.add(codes.toArray(String[]::new));
        if (answered != null) {
            where.append(answered ? " AND answered_on IS NOT NULL" : " AND answered_on IS NULL");
        }
        if (assignee != null && !assignee.isBlank()) {
            where.append(" AND assignee = ?");
            args.add(assignee.strip());
        }
        boolean search = q != null && !q.isBlank();
        GramFrequencies.Known known = search ? frequencies.known() : GramFrequencies.Known.NONE;
        SearchTerm term = search ? SearchTerm.of(q.strip(), known) : null;
        if (search) {
            // the bigrams narrow the rows (an index); the ILIKE decides, as it always has (SearchGrams says why
            // that finds the same rows, SearchTerm which of them are asked for); a tracking number may be typed in part
            if (term.narrowed()) {
                where.append(" AND search_grams @> ").append(SearchGrams.literal(term.grams()));
            }
            where.append(" AND (tracking_no ILIKE ? ESCAPE '\\' OR applicant_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            args.add(term.pattern());
            args.add(term.pattern());
            args.add(term.pattern());
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        String pageSql = "SELECT " + RequestViewStore.COLUMNS + " FROM request_view" + where
                + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?";
        if (!search) {
            Long counted = jdbc.queryForObject("SELECT count(*) FROM request_view" + where, Long.class, args.toArray());
            return new StatePage(jdbc.query(pageSql, RequestViewStore.STATE, pageArgs.toArray()), counted == null ? 0 : counted, false,
                    SearchPath.LIST);
        }
        long wanted = (long) page * size + size;
        if (tried == null ? term.share() * PROBE_ROWS >= wanted : tried == SearchPath.NEWEST_FIRST) {
            // a common term: its newest matches are among the newest requests, whatever the scope, read newest first
            // and at most PROBE_ROWS of them (any match further back is older than every one found)
            List<Object> probeArgs = new ArrayList<>();
            probeArgs.add(PROBE_ROWS);
            probeArgs.addAll(pageArgs);
            List<RequestState> newest = query("SELECT " + RequestViewStore.COLUMNS + " FROM (SELECT * FROM request_view "
                    + "ORDER BY received_on DESC, tracking_no DESC LIMIT ?) newest" + where
                    + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?", probeArgs, RequestViewStore.STATE);
            if (newest.size() == size) {
                return counted(newest, SearchPath.NEWEST_FIRST, where, args, countCap);
            }
        }
        if (tried == null ? term.narrowed() && known.rowsOf(term.share()) <= ALL_MATCHES : tried == SearchPath.ALL_MATCHES) {
            // a rarer term: the index's rows read once for both the page and the count, instead of once for each
            Optional<StatePage> all = allMatches(where, args, page, size, countCap);
            if (all.isPresent()) {
                return all.get();
            }
        }
        List<RequestState> items = query(pageSql, pageArgs, RequestViewStore.STATE);
        if (items.size() < size && (page == 0 || !items.isEmpty())) {
            // a page that is not full is the last one: it says how many there are
            return new StatePage(items, (long) page * size + items.size(), false, SearchPath.AS_PLANNED);
        }
        return counted(items, SearchPath.AS_PLANNED, where, args, countCap);
    }

    /**
     * Every match of a search whose terms the index narrows to a few rows (at most {@link #ALL_MATCHES}): their
     * receipt dates and tracking numbers, counted and sorted together, and the page's rows read in full; empty when
     * there are more (the page would not be sure) or when the page is past the last match (its count is not known).
     */
    private Optional<StatePage> allMatches(StringBuilder where, List<Object> args, int page, int size, int countCap) {
        List<Object> allArgs = new ArrayList<>(args);
        allArgs.add(ALL_MATCHES + 1);
        allArgs.add(size);
        allArgs.add((long) page * size);
        long[] matched = {-1};
        List<RequestState> items = query("SELECT p.matched, " + QUALIFIED_COLUMNS + " FROM (SELECT request_id, received_on, "
                + "tracking_no, count(*) OVER () AS matched FROM (SELECT request_id, received_on, tracking_no FROM request_view"
                + where + " LIMIT ?) m ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?) p "
                + "JOIN request_view v ON v.request_id = p.request_id ORDER BY p.received_on DESC, p.tracking_no DESC", allArgs, (rs, i) -> {
                    matched[0] = rs.getLong("matched");
                    return RequestViewStore.STATE.mapRow(rs, i);
                });
        if (items.isEmpty()) {
            return page == 0 ? Optional.of(new StatePage(List.of(), 0, false, SearchPath.ALL_MATCHES)) : Optional.empty();
        }
        if (matched[0] > ALL_MATCHES) {
            return Optional.empty();
        }
        if (items.size() < size) {
            // the last page says how many there are, as the planner's way does
            return Optional.of(new StatePage(items, (long) page * size + items.size(), false, SearchPath.ALL_MATCHES));
        }
        return Optional.of(new StatePage(items, Math.min(matched[0], countCap), matched[0] > countCap, SearchPath.ALL_MATCHES));
    }

    /** A common word matches most of a province: counted exactly up to the cap, and said to be more beyond it. */
    private StatePage counted(List<RequestState> items, SearchPath path, StringBuilder where, List<Object> args, int countCap) {
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
