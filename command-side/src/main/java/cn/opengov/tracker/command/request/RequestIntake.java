package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.command.request.numbering.TrackingNumbers;
import cn.opengov.tracker.platform.security.AgencyScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Logs new requests (登记): checks the user may log for the agency and the applicant's ID number, numbers the
 * request, and sends it to the aggregate with the agency's closed years, in one transaction with the events'
 * append. With an Idempotency-Key (API.md) a retry answers what the first attempt answered, and the same key with
 * another body is refused: all of that is here, the key's table included.
 */
@Service
public class RequestIntake {

    private static final int MAX_KEY_LENGTH = 200;

    private final CommandGateway commands;
    private final RequestIndex index;
    private final TrackingNumbers trackingNumbers;
    private final AgencyScope scope;
    private final ClosedYears closedYears;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    public RequestIntake(CommandGateway commands, RequestIndex index, TrackingNumbers trackingNumbers, AgencyScope scope,
                         ClosedYears closedYears, JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.index = index;
        this.trackingNumbers = trackingNumbers;
        this.scope = scope;
        this.closedYears = closedYears;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Logs a new request. With an idempotency key the request id is derived from the user and the key, so a retry
     * that races the first attempt fails on the event store's unique key instead of logging the request twice.
     *
     * @param idempotencyKey null or blank for none
     */
    public Logged log(RequestToLog request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return transaction.execute(status -> logNow(UUID.randomUUID(), request, null));
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw RuleViolation.ofField("Idempotency-Key", Rule.INVALID_VALUE, "Idempotency-Key 不能超过200个字符");
        }
        String user = scope.currentUser().username();
        UUID requestId = UUID.nameUUIDFromBytes(("idempotency:" + user + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        String bodyHash = sha256(request);
        Optional<Logged> earlier = earlierAnswer(requestId, bodyHash, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transaction.execute(status -> logNow(requestId, request, bodyHash));
        } catch (ConcurrencyException | AggregateStreamCreationException raced) {
            // a retry with the same key won the race: answer what it answered
            return earlierAnswer(requestId, bodyHash, idempotencyKey).orElseThrow(() -> raced);
        }
    }

    private Logged logNow(UUID requestId, RequestToLog request, String bodyHash) {
        scope.requireWithin(request.agencyCode());
        Applicant applicant = normalized(request.applicant());
        Integer closedThrough = closedYears.closedThrough(request.agencyCode(), request.receivedOn());
        String trackingNo = trackingNumbers.next(request.agencyCode(), request.receivedOn().getYear());
        commands.sendAndWait(new LogRequest(requestId, trackingNo, request.agencyCode(), request.receivedOn(),
                request.channel(), applicant, request.description().strip(), closedThrough, request.deliveryForm()));
        if (bodyHash != null) {
            jdbc.update("INSERT INTO idempotency_record (request_id, body_hash) VALUES (?, ?)", requestId, bodyHash);
        }
        return new Logged(requestId, trackingNo);
    }

    /** The first answer to an idempotent request, if it was logged; refused when the body differed. */
    private Optional<Logged> earlierAnswer(UUID requestId, String bodyHash, String key) {
        return readOnly.execute(status -> {
            Optional<RequestIndex.IndexedRequest> found = index.find(requestId);
            if (found.isEmpty()) {
                return Optional.<Logged>empty();
            }
            String firstHash = jdbc.query("SELECT body_hash FROM idempotency_record WHERE request_id = ?",
                    (rs, i) -> rs.getString(1), requestId).stream().findFirst().orElse(bodyHash);
            if (!firstHash.equals(bodyHash)) {
                throw new RuleViolation(Rule.IDEMPOTENCY_KEY_REUSED, key);
            }
            return Optional.of(new Logged(requestId, found.get().trackingNo()));
        });
    }

    private String sha256(RequestToLog request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The applicant as recorded: ID number checked (居民身份证号码 or 统一社会信用代码) and upper-cased, blanks dropped. */
    public static Applicant normalized(Applicant given) {
        String idNumber = blankToNull(given.idNumber());
        if (idNumber != null) {
            Optional<String> problem = given.type() == ApplicantType.NATURAL_PERSON
                    ? IdNumbers.residentIdProblem(idNumber) : IdNumbers.creditCodeProblem(idNumber);
            problem.ifPresent(p -> {
                throw RuleViolation.ofField("applicant.idNumber", Rule.ID_NUMBER_INVALID, p);
            });
            idNumber = idNumber.toUpperCase();
        }
        return new Applicant(given.type(), given.name().strip(), idNumber, blankToNull(given.phone()),
                blankToNull(given.email()), blankToNull(given.address()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What logging a request answers: its id and tracking number. */
    public record Logged(UUID requestId, String trackingNo) {
    }
}
