package cn.opengov.tracker.query.admin;

import cn.opengov.tracker.platform.security.SystemAdministration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** POST /api/admin/projections/rebuild (API.md): every read model rebuilt from the event store. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {

    private final ProjectionRebuilder rebuilder;

    public RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
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
}
