package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.api.request.state.RequestState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** GET /api/requests and GET /api/requests/{id} (API.md), within the user's agency tree. */
@RestController
@RequestMapping("/api/requests")
public class RequestQueryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final RequestQueries queries;
    private final HistoryReader history;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final CalendarStore calendars;
    private final Clock clock;

    public RequestQueryController(RequestQueries queries, HistoryReader history, AgencyScope scope,
                                  AgencyDirectory agencies, CalendarStore calendars, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.scope = scope;
        this.agencies = agencies;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String agencyCode,
                                    @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        Boolean answered = parseStatus(status);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw RuleViolation.ofField(page < 0 ? "page" : "size", Rule.INVALID_VALUE,
                    "page 不能为负数，size 须在1至" + MAX_PAGE_SIZE + "之间");
        }
        if (q != null && q.length() > 200) {
            throw RuleViolation.ofField("q", Rule.INVALID_VALUE, "搜索词不能超过200个字符");
        }
        List<String> codes = scope.codesFor(agencyCode, includeSubAgencies);
        RequestQueries.Page found = queries.page(codes, answered, q, page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", found.items().stream().map(RequestViews::listItem).toList());
        answer.put("total", found.total());
        answer.put("page", page);
        answer.put("size", size);
        return answer;
    }

    @GetMapping("/{id}")
    public Map<String, Object> detail(@PathVariable UUID id) {
        RequestState state = queries.find(id).filter(s -> scope.canSee(s.agencyCode()))
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, id));
        String agencyName = agencies.find(state.agencyCode()).map(a -> a.name()).orElse(state.agencyCode());
        return RequestViews.detail(state, agencyName, calendars.current(), LocalDate.now(clock), history.historyOf(id));
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
}
