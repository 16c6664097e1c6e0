package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.command.lookup.RequestIndex.IndexedRequest;
import cn.opengov.tracker.command.request.numbering.TrackingNumbers;
import cn.opengov.tracker.command.request.web.RequestBodies;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a command from the web to the request aggregate: checks the user may act on the request's agency,
 * looks up the agency's closed years, and dispatches, all in one transaction with the events' append.
 */
@Service
public class RequestCommandService {

    private final CommandGateway commands;
    private final RequestIndex index;
    private final TrackingNumbers trackingNumbers;
    private final AgencyScope scope;
    private final LegalCalendar calendar;
    private final JdbcTemplate jdbc;

    public RequestCommandService(CommandGateway commands, RequestIndex index, TrackingNumbers trackingNumbers,
                                 AgencyScope scope, LegalCalendar calendar, JdbcTemplate jdbc) {
        this.commands = commands;
        this.index = index;
        this.trackingNumbers = trackingNumbers;
        this.scope = scope;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /**
     * Logs a new request. With an idempotency key the request id is derived from it, so a retry that races the
     * first attempt fails on the event store's unique key instead of logging the request twice.
     *
     * @param bodyHash the hash of the body an idempotency key came with, or null without a key
     */
    @Transactional
    public Logged log(UUID requestId, RequestBodies.NewRequest body, String bodyHash) {
        scope.requireWithin(body.agencyCode());
        Applicant applicant = applicant(body.applicant());
        Integer closedThrough = closedThrough(body.agencyCode(), body.receivedOn());
        String trackingNo = trackingNumbers.next(body.agencyCode(), body.receivedOn().getYear());
        commands.sendAndWait(new LogRequest(requestId, trackingNo, body.agencyCode(), body.receivedOn(), body.channel(),
                applicant, body.description().strip(), closedThrough));
        if (bodyHash != null) {
            jdbc.update("INSERT INTO idempotency_record (request_id, body_hash) VALUES (?, ?)", requestId, bodyHash);
        }
        return new Logged(requestId, trackingNo);
    }

    /** The first answer to an idempotent request, if it was logged; refused when the body differed. */
    @Transactional(readOnly = true)
    public Optional<Logged> earlierAnswer(UUID requestId, String bodyHash, String key) {
        Optional<IndexedRequest> found = index.find(requestId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String firstHash = jdbc.query("SELECT body_hash FROM idempotency_record WHERE request_id = ?",
                (rs, i) -> rs.getString(1), requestId).stream().findFirst().orElse(bodyHash);
        if (!firstHash.equals(bodyHash)) {
            throw new RuleViolation(Rule.IDEMPOTENCY_KEY_REUSED, key);
        }
        return Optional.of(new Logged(requestId, found.get().trackingNo()));
    }

    /**
     * Sends a command about an existing request the user may see (else 404, which does not reveal that it
     * exists). {@code datesThatMayReopenAYear} are the command's dates that can change a closed year's
     * carry-overs: when one lies before this year, a concurrent year close is waited for.
     */
    @Transactional
    public Object execute(UUID requestId, CommandFactory command, LocalDate... datesThatMayReopenAYear) {
        IndexedRequest request = requireVisible(requestId);
        Integer closedThrough = closedThrough(request.agencyCode(), datesThatMayReopenAYear);
        return commands.sendAndWait(command.apply(closedThrough));
    }

    public IndexedRequest requireVisible(UUID requestId) {
        IndexedRequest request = index.find(requestId)
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId));
        if (!scope.canSee(request.agencyCode())) {
            throw new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId);
        }
        return request;
    }

    /**
     * The agency's last closed year. A year close holds the agency row for update while it carries requests
     * over; a command that touches a past year shares that lock, so it either runs before the close (and the
     * close sees it) or after (and it sees the close).
     */
    private Integer closedThrough(String agencyCode, LocalDate... dates) {
        int thisYear = calendar.today().getYear();
        if (Arrays.stream(dates).anyMatch(d -> d != null && d.getYear() < thisYear)) {
            jdbc.query("SELECT code FROM agency WHERE code = ? FOR SHARE", rs -> { }, agencyCode);
        }
        return index.closedThrough(agencyCode).orElse(null);
    }

    private static Applicant applicant(RequestBodies.ApplicantBody body) {
        String idNumber = blankToNull(body.idNumber());
        if (idNumber != null) {
            Optional<String> problem = body.type() == ApplicantType.NATURAL_PERSON
                    ? IdNumbers.residentIdProblem(idNumber) : IdNumbers.creditCodeProblem(idNumber);
            problem.ifPresent(p -> {
                throw RuleViolation.ofField("applicant.idNumber", Rule.ID_NUMBER_INVALID, p);
            });
            idNumber = idNumber.toUpperCase();
        }
        return new Applicant(body.type(), body.name().strip(), idNumber, blankToNull(body.phone()),
                blankToNull(body.email()), blankToNull(body.address()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Builds the command once the agency's last closed year (or null) is known. */
    @FunctionalInterface
    public interface CommandFactory {
        Object apply(Integer closedThrough);
    }

    /** What logging a request answers: its id and tracking number. */
    public record Logged(UUID requestId, String trackingNo) {
    }
}
