package cn.opengov.tracker.query.application;

import cn.opengov.tracker.platform.directory.AgencyDirectory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The applicant's reads, without a login (API.md): the status lookup, the challenge it may ask for, and the
 * agencies an application can be sent to. Nothing here reads or names a person.
 */
@RestController
public class PublicStatusController {

    private final PublicStatus status;
    private final PublicChallenges challenges;
    private final AgencyDirectory agencies;

    public PublicStatusController(PublicStatus status, PublicChallenges challenges, AgencyDirectory agencies) {
        this.status = status;
        this.challenges = challenges;
        this.agencies = agencies;
    }

    /** {@code challengeId} and {@code answer}: a solved {@link PublicChallenges challenge}, once one is asked for. */
    @GetMapping("/public/status")
    public ResponseEntity<PublicStatusView> status(@RequestParam(required = false) String no,
                                                   @RequestParam(required = false) String code,
                                                   @RequestParam(required = false) String challengeId,
                                                   @RequestParam(required = false) String answer,
                                                   HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(status.lookup(no, code, request.getRemoteAddr(), challengeId, answer));
    }

    @GetMapping("/public/challenge")
    public ResponseEntity<PublicChallenges.Challenge> challenge(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(challenges.issue(request.getRemoteAddr()));
    }

    @GetMapping("/public/agencies")
    public List<PublicAgency> agencies() {
        return agencies.all().stream().filter(a -> !AgencyDirectory.TOP.equals(a.code()))
                .map(a -> new PublicAgency(a.code(), a.name(), a.depth())).toList();
    }

    /** An agency an application can be addressed to. */
    public record PublicAgency(String code, String name, int depth) {
    }
}
