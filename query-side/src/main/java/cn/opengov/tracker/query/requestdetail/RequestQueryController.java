package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.FeeBasis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
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
                            @RequestParam(required = false) String assignee,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        return queries.list(agencyCode, includeSubAgencies, status, q, assignee, page, size);
    }

    /** The fee 109号's tiers give: {@code items} (按件, default 1) or {@code pages} (按量) of this request. */
    @GetMapping("/{id}/fee-proposal")
    public FeeProposalView feeProposal(@PathVariable UUID id, @RequestParam(required = false) FeeBasis basis,
                                       @RequestParam(required = false) Integer items,
                                       @RequestParam(required = false) Integer pages,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeOn) {
        return queries.feeProposal(id, basis, basis == FeeBasis.PER_VOLUME ? pages : items, noticeOn);
    }

    @GetMapping("/{id}")
    public RequestDetail detail(@PathVariable UUID id) {
        return queries.detail(id);
    }
}
