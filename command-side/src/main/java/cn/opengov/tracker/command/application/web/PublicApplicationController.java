package cn.opengov.tracker.command.application.web;

import cn.opengov.tracker.command.application.OnlineApplications;
import cn.opengov.tracker.command.application.OnlineApplications.Submitted;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /public/applications}: an applicant's online application, without a login. Throttled per address
 * before the body is even parsed ({@link ApplicationThrottle}); the answer holds the access code, which is shown this once.
 */
@RestController
public class PublicApplicationController {

    private final OnlineApplications applications;

    public PublicApplicationController(OnlineApplications applications) {
        this.applications = applications;
    }

    @PostMapping("/public/applications")
    public ResponseEntity<Submitted> submit(@Valid @RequestBody ApplicationBodies.NewApplication body) {
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(applications.submit(body.toApplication()));
    }

}
