package cn.opengov.tracker.command.bench.web;

import cn.opengov.tracker.command.bench.BareIntake;
import cn.opengov.tracker.command.request.web.RequestBodies;
import cn.opengov.tracker.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/**
 * {@code POST /api/bench/bare} (issue 18), for the benchmark only and only with {@code tracker.bench.bare-endpoint=true}:
 * the body of {@code POST /api/requests}, read by the same strict JSON and checked by the same validation behind the
 * same authentication, then one event-sized row in its own transaction ({@link BareIntake}) and 201. Without the
 * property there is no such endpoint (404).
 */
@RestController
@ConditionalOnProperty(name = BareIntake.PROPERTY, havingValue = "true")
public class BareIntakeController {

    private final BareIntake bare;

    public BareIntakeController(BareIntake bare) {
        this.bare = bare;
    }

    @PostMapping("/api/bench/bare")
    public ResponseEntity<Object> post(@Valid @RequestBody RequestBodies.NewRequest body, Principal principal) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(bare.post(body.toRequest(), principal.getName()));
        } catch (BareIntake.TableMissing e) {
            return Problems.entity(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
        }
    }
}
