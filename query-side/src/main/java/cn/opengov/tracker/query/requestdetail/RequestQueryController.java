package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.FeeBasis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** GET /api/requests and GET /api/requests/{id} (API.md), within the user's agency tree. */
@RestController
@RequestMapping("/api/requests")
public class RequestQueryController {

    private final RequestQueries queries;
    private final RequestListExport export;

    public RequestQueryController(RequestQueries queries, RequestListExport export) {
        this.queries = queries;
        this.export = export;
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

    /** The list with the search's filters (all of its requests, not one page) as .xlsx: what supervisors send upward. */
    @GetMapping("/export.xlsx")
    public ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) String agencyCode,
                                             @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) String assignee) {
        return download(export.xlsx(export.rows(blankToNull(agencyCode), includeSubAgencies, status, q, assignee)),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "申请列表.xlsx");
    }

    /** The same as CSV (UTF-8 with a byte-order mark); cells a spreadsheet would run as formulas are neutralised. */
    @GetMapping("/export.csv")
    public ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String agencyCode,
                                            @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                                            @RequestParam(required = false) String status,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(required = false) String assignee) {
        return download(export.csv(export.rows(blankToNull(agencyCode), includeSubAgencies, status, q, assignee)),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "申请列表.csv");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
