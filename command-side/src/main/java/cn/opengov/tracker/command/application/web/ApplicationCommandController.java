package cn.opengov.tracker.command.application.web;

import cn.opengov.tracker.command.application.OnlineApplications;
import cn.opengov.tracker.command.messaging.EventPositions;
import cn.opengov.tracker.command.request.RequestIntake.Logged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Staff decide on an online application (API.md): confirm it into a request, or reject it with a reason. */
@RestController
@RequestMapping("/api/applications")
public class ApplicationCommandController {

    private final OnlineApplications applications;
    private final EventPositions positions;

    public ApplicationCommandController(OnlineApplications applications, EventPositions positions) {
        this.applications = applications;
        this.positions = positions;
    }

    @PostMapping("/{id}/confirm")
    public ResponseEntity<Logged> confirm(@PathVariable UUID id,
                                          @Valid @RequestBody(required = false) ApplicationBodies.Confirmation body) {
        Logged logged = applications.confirm(id, body == null ? null : body.receivedOn());
        return ResponseEntity.created(URI.create("/api/requests/" + logged.requestId()))
                .header("X-Event-Position", String.valueOf(positions.lastOf(logged.requestId().toString())))
                .body(logged);
    }

    @PostMapping("/{id}/reject")
    public ResponseEntity<Rejected> reject(@PathVariable UUID id, @Valid @RequestBody ApplicationBodies.Rejection body) {
        applications.reject(id, body.reason());
        return ResponseEntity.ok(new Rejected(id, "REJECTED"));
    }

    public record Rejected(UUID applicationId, String status) {
    }
}
