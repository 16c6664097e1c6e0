package cn.opengov.tracker.command.application;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.request.RequestIntake;
import cn.opengov.tracker.command.request.RequestIntake.Logged;
import cn.opengov.tracker.command.request.RequestToLog;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.publicaccess.AccessCodes;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Online applications (SPEC §2b, 条例第三十一条第（三）项). Submitting one records no event: it waits in the agency's
 * inbox ({@code online_application}). Confirming it logs the request through {@link RequestIntake} — the same
 * checks, tracking number and {@code RequestReceived} as the staff form — with {@code receivedOn} the confirmation
 * date (双方确认之日) and channel 互联网, in the transaction that marks the application confirmed: either both happen
 * or neither. Rejecting it records the reason and nothing else.
 */
@Service
public class OnlineApplications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final AgencyDirectory agencies;
    private final AgencyScope scope;
    private final RequestIntake intake;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public OnlineApplications(JdbcTemplate jdbc, AgencyDirectory agencies, AgencyScope scope, RequestIntake intake,
                              Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.scope = scope;
        this.intake = intake;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Keeps the application; answers its number and the access code, which exists nowhere else from now on. */
    public Submitted submit(ApplicationToSubmit application) {
        if (agencies.find(application.agencyCode()).isEmpty()) {
            throw RuleViolation.ofField("agencyCode", Rule.INVALID_VALUE, "找不到机关 " + application.agencyCode());
        }
        Applicant applicant = RequestIntake.normalized(application.applicant());
        LocalDate today = LocalDate.now(clock);
        String code = AccessCodes.newCode();
        for (int attempt = 0; ; attempt++) {
            String number = "WS" + today.format(DAY) + AccessCodes.randomDigits(6);
            try {
                jdbc.update("""
                        INSERT INTO online_application (application_id, application_no, access_code_hash, agency_code,
                            applicant_type, applicant_name, id_number, phone, email, address, description, delivery_form,
                            submitted_at, submitted_on, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""",
                        UUID.randomUUID(), number, AccessCodes.hash(number, code), application.agencyCode(),
                        applicant.type().name(), applicant.name(), applicant.idNumber(), applicant.phone(),
                        applicant.email(), applicant.address(), application.description().strip(),
                        application.deliveryForm() == null ? null : application.deliveryForm().name(),
                        Timestamp.from(clock.instant()), today);
                return new Submitted(number, code);
            } catch (DuplicateKeyException taken) {
                if (attempt >= 5) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Confirms the application: the request is logged as received on {@code receivedOn} (today when null), which
     * may not be before the day it was submitted nor after today (the staff form's check).
     */
    public Logged confirm(UUID applicationId, LocalDate receivedOn) {
        return transaction.execute(status -> {
            Pending pending = pending(applicationId);
            LocalDate on = receivedOn == null ? LocalDate.now(clock) : receivedOn;
            if (on.isBefore(pending.submittedOn())) {
                throw RuleViolation.ofField("receivedOn", Rule.CONFIRMED_BEFORE_SUBMISSION, on, pending.submittedOn());
            }
            Logged logged = intake.log(new RequestToLog(pending.agencyCode(), on, Channel.ONLINE, pending.applicant(),
                    pending.description(), pending.deliveryForm()), null);
            jdbc.update("""
                    UPDATE online_application SET status = 'CONFIRMED', decided_at = ?, decided_by = ?, request_id = ?,
                        tracking_no = ? WHERE application_id = ?""",
                    Timestamp.from(clock.instant()), scope.currentUser().username(), logged.requestId(),
                    logged.trackingNo(), applicationId);
            return logged;
        });
    }

    /** Rejects the application (not an information request, spam): nothing is recorded in the tables. */
    public void reject(UUID applicationId, String reason) {
        transaction.executeWithoutResult(status -> {
            pending(applicationId);
            jdbc.update("""
                    UPDATE online_application SET status = 'REJECTED', decided_at = ?, decided_by = ?, reject_reason = ?
                    WHERE application_id = ?""",
                    Timestamp.from(clock.instant()), scope.currentUser().username(), reason.strip(), applicationId);
        });
    }

    /** The application, locked until the transaction ends; 404 outside the user's agencies, 409 once decided. */
    private Pending pending(UUID applicationId) {
        List<Pending> found = jdbc.query("""
                SELECT agency_code, applicant_type, applicant_name, id_number, phone, email, address, description,
                       delivery_form, submitted_on, status, decided_at
                FROM online_application WHERE application_id = ? FOR UPDATE""",
                (rs, i) -> new Pending(rs.getString(1), new Applicant(ApplicantType.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                        rs.getString(8), rs.getString(9) == null ? null : DeliveryForm.valueOf(rs.getString(9)),
                        rs.getObject(10, LocalDate.class), rs.getString(11),
                        rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()
                                .atZone(clock.getZone()).toLocalDate()),
                applicationId);
        Pending p = found.stream().findFirst().filter(a -> scope.canSee(a.agencyCode()))
                .orElseThrow(() -> new RuleViolation(Rule.APPLICATION_NOT_FOUND, applicationId));
        scope.requireWithin(p.agencyCode());
        if (!"PENDING".equals(p.status())) {
            throw new RuleViolation(Rule.APPLICATION_ALREADY_DECIDED, p.decidedOn(),
                    "CONFIRMED".equals(p.status()) ? "确认受理" : "退回");
        }
        return p;
    }

    private record Pending(String agencyCode, Applicant applicant, String description, DeliveryForm deliveryForm,
                           LocalDate submittedOn, String status, LocalDate decidedOn) {
    }

    /** The application's number (查询号) and access code (查询码). */
    public record Submitted(String applicationNo, String accessCode) {
    }
}
