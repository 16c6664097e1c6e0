package cn.opengov.tracker.query.application;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The inbox of online applications (SPEC §2b): the user's agencies' applications, the longest waiting first. */
@Component
public class ApplicationInbox {

    private static final Map<String, String> STATUS_LABELS = Map.of("PENDING", "待确认", "CONFIRMED", "已确认受理",
            "REJECTED", "已退回");
    private static final Set<String> STATUSES = STATUS_LABELS.keySet();

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public ApplicationInbox(JdbcTemplate jdbc, AgencyScope scope, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * @param agencyCode null for the user's own agency; its sub-agencies are included
     * @param status     PENDING (the default), CONFIRMED or REJECTED
     */
    public List<InboxItem> list(String agencyCode, String status) {
        String wanted = status == null || status.isBlank() ? "PENDING" : status.strip();
        if (!STATUSES.contains(wanted)) {
            throw RuleViolation.ofField("status", Rule.INVALID_VALUE, "“" + wanted + "”不是可选的取值；可选：PENDING, CONFIRMED, REJECTED");
        }
        String agency = agencyCode == null || agencyCode.isBlank() ? scope.currentUser().agencyCode() : agencyCode.strip();
        List<String> codes = scope.codesFor(agency, true);
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("""
                SELECT application_id, application_no, agency_code, status, applicant_type, applicant_name, id_number,
                       phone, email, address, description, delivery_form, submitted_at, submitted_on, decided_at,
                       decided_by, reject_reason, request_id, tracking_no
                FROM online_application WHERE agency_code = ANY(?) AND status = ?
                ORDER BY submitted_at""" + ("PENDING".equals(wanted) ? "" : " DESC") + " LIMIT 500",
                (rs, i) -> {
                    ApplicantType type = ApplicantType.valueOf(rs.getString(5));
                    String form = rs.getString(12);
                    DeliveryForm deliveryForm = form == null ? null : DeliveryForm.valueOf(form);
                    String code = rs.getString(3);
                    LocalDate submittedOn = rs.getObject(14, LocalDate.class);
                    String idNumber = rs.getString(7);
                    return new InboxItem(rs.getObject(1, UUID.class), rs.getString(2), code,
                            agencies.find(code).map(Agency::name).orElse(code), rs.getString(4),
                            STATUS_LABELS.get(rs.getString(4)), type, type.label(), rs.getString(6),
                            idNumber == null ? null : IdNumbers.mask(idNumber), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), deliveryForm,
                            deliveryForm == null ? null : deliveryForm.label(), rs.getTimestamp(13).toInstant(), submittedOn,
                            ChronoUnit.DAYS.between(submittedOn, today),
                            rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getString(16),
                            rs.getString(17), rs.getObject(18, UUID.class), rs.getString(19));
                }, codes.toArray(String[]::new), wanted);
    }
}
