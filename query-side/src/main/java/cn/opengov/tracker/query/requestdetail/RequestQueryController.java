package cn.opengov.tracker.query.requestdetail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** GET /api/requests and GET /api/requests/{id} (API.md), within the user's agency tree. */
@RestController
@RequestMapping("/api/requests")
public class RequestQueryController {

    private final RequestQueries queries;

    public RequestQueryController(RequestQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public RequestPage list(@RequestParam(required = false) String agencyCode,
                            @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        return queries.list(agencyCode, includeSubAgencies, status, q, page, size);
    }

    @GetMapping("/{id}")
    public RequestDetail detail(@PathVariable UUID id) {
        return queries.detail(id);
    }
}
