package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The request list and the request detail, read from {@code request_view} within the user's agency tree; the
 * detail's history from the event store. The API and the pages both read through here.
 */
@Component
public class RequestQueries {

    private static final int MAX_PAGE_SIZE = 200;

    private final JdbcTemplate jdbc;
    private final HistoryReader history;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final CalendarStore calendars;
    private final Clock clock;

    public RequestQueries(JdbcTemplate jdbc, HistoryReader history, AgencyScope scope, AgencyDirectory agencies,
                          CalendarStore calendars, Clock clock) {
        this.jdbc = jdbc;
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
        if (q != null && !q.isBlank()) {
            // inside the agencies' rows (their index narrows first); a tracking number may be typed in part
            where.append(" AND (tracking_no ILIKE ? ESCAPE '\\' OR applicant_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(q.strip()) + "%";
            args.add(pattern);
            args.add(pattern);
            args.add(pattern);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM request_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<RequestState> items = jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view" + where
                        + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?",
                RequestViewStore.STATE, pageArgs.toArray());
        return new RequestPage(items.stream().map(RequestListItem::of).toList(), total == null ? 0 : total, page, size);
    }

    /** One request the user may see (else 404, which does not reveal that it exists). */
    public RequestDetail detail(UUID id) {
        RequestState state = jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view WHERE request_id = ?",
                        RequestViewStore.STATE, id).stream().findFirst()
                .filter(s -> scope.canSee(s.agencyCode()))
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, id));
        String agencyName = agencies.find(state.agencyCode()).map(Agency::name).orElse(state.agencyCode());
        return RequestDetail.of(state, agencyName, calendars.current(), LocalDate.now(clock), history.historyOf(id));
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
