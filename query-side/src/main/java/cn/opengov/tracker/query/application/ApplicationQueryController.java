package cn.opengov.tracker.query.application;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/applications?agencyCode=&status=PENDING} (API.md): online applications waiting for staff. */
@RestController
public class ApplicationQueryController {

    private final ApplicationInbox inbox;

    public ApplicationQueryController(ApplicationInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/applications")
    public Inbox applications(@RequestParam(required = false) String agencyCode,
                              @RequestParam(required = false) String status) {
        List<InboxItem> items = inbox.list(agencyCode, status);
        return new Inbox(items, items.size());
    }

    /** The applications, oldest waiting first, and how many. */
    public record Inbox(List<InboxItem> items, int total) {
    }
}
