package cn.opengov.tracker.command.reporting;

import cn.opengov.tracker.api.report.ReportYear;
import cn.opengov.tracker.api.reporting.PublishAnnualReport;
import cn.opengov.tracker.command.messaging.EventPositions;
import cn.opengov.tracker.platform.security.AgencyScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/** Year close and publication: supervisors and administrators, within their agency tree. */
@RestController
@RequestMapping("/api/years/{year}")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
public class YearController {

    private final YearCloseService years;
    private final AgencyScope scope;
    private final EventPositions positions;

    public YearController(YearCloseService years, AgencyScope scope, EventPositions positions) {
        this.years = years;
        this.scope = scope;
        this.positions = positions;
    }

    @PostMapping("/close")
    public ResponseEntity<YearClosedAnswer> close(@PathVariable int year, @Valid @RequestBody YearBody body) {
        scope.requireWithin(body.agencyCode());
        int carried = years.close(body.agencyCode(), ReportYear.check(year), body.includeSubAgencies());
        return ResponseEntity.ok().header("X-Event-Position", String.valueOf(positions.latest()))
                .body(new YearClosedAnswer(year, body.agencyCode(), carried));
    }

    @PostMapping("/publish")
    public ResponseEntity<ReportPublishedAnswer> publish(@PathVariable int year, @Valid @RequestBody YearBody body) {
        scope.requireWithin(body.agencyCode());
        PublishAnnualReport published = years.publish(body.agencyCode(), ReportYear.check(year), body.includeSubAgencies());
        return ResponseEntity.ok().header("X-Event-Position", String.valueOf(positions.latest()))
                .body(new ReportPublishedAnswer(year, body.agencyCode(), body.includeSubAgencies(),
                        scope.currentUser().username(), published.table().balanced()));
    }

    /** The year closed (with every earlier one), and how many requests this close carried over. */
    public record YearClosedAnswer(int year, String agencyCode, int carriedOver) {
    }

    /** The year's tables frozen as published: by whom, and whether section 三 balances. */
    public record ReportPublishedAnswer(int year, String agencyCode, Boolean includeSubAgencies, String publishedBy,
                                        boolean balanced) {
    }

    /** {@code includeSubAgencies} (an addition to API.md) closes or publishes the whole agency tree. */
    public record YearBody(@NotBlank @Size(max = 40) String agencyCode, Boolean includeSubAgencies) {
        public YearBody {
            includeSubAgencies = Boolean.TRUE.equals(includeSubAgencies);
        }
    }
}
