package cn.opengov.tracker.query.admin;

import cn.opengov.tracker.platform.security.SystemAdministration;
import cn.opengov.tracker.query.projection.ProjectionDeadLetters;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/**
 * POST /api/admin/projections/rebuild (API.md): every read model rebuilt from the event store; the projections'
 * status, and the retry of their dead letters.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {

    private final ProjectionRebuilder rebuilder;
    private final ProjectionDeadLetters deadLetters;

    public RebuildController(ProjectionRebuilder rebuilder, ProjectionDeadLetters deadLetters) {
        this.rebuilder = rebuilder;
        this.deadLetters = deadLetters;
    }

    /** Every agency's read models at once: administrators of the top agency only. */
    @PostMapping("/api/admin/projections/rebuild")
    @SystemAdministration
    public ResponseEntity<ProjectionRebuilder.RebuildStatus> rebuild(Principal principal) {
        rebuilder.requestRebuild(principal.getName());
        return ResponseEntity.accepted().body(rebuilder.status());
    }

    @GetMapping("/api/admin/projections/status")
    public ProjectionRebuilder.RebuildStatus status() {
        return rebuilder.status();
    }

    /**
     * Every dead letter projected again (after the cause was fixed): what succeeds leaves the queue, what fails
     * stays with one more attempt. Dead letters of any agency: administrators of the top agency only.
     */
    @PostMapping("/api/admin/projections/dead-letters/retry")
    @SystemAdministration
    public ProjectionDeadLetters.RetryResult retryAll() {
        return deadLetters.retry(null);
    }

    /** The dead letters of one sequence: a request's id (or another aggregate's), as the status shows it. */
    @PostMapping("/api/admin/projections/dead-letters/{sequenceIdentifier}/retry")
    @SystemAdministration
    public ProjectionDeadLetters.RetryResult retry(@PathVariable String sequenceIdentifier) {
        return deadLetters.retry(sequenceIdentifier);
    }
}
