package cn.opengov.tracker.command.lookup;

import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.CarryOverRevoked;
import cn.opengov.tracker.api.request.event.LawsuitDecided;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.CaseKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's lookups ({@code db/command}) in step with the events, in the very transaction that
 * appends them (a subscribing processor): a year close or a publication reads exactly what has been decided.
 */
@Component
@ProcessingGroup(LookupProjection.GROUP)
public class LookupProjection {

    public static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    public LookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived e) {
        jdbc.update("INSERT INTO request_index (request_id, agency_code, tracking_no, received_on, applicant_type, "
                        + "applicant_name, applicant_id_number) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING",
                e.requestId(), e.agencyCode(), e.trackingNo(), e.receivedOn(), e.applicant().type().name(),
                e.applicant().name(), e.applicant().idNumber());
    }

    @EventHandler
    void on(RequestAnswered e) {
        jdbc.update("UPDATE request_index SET answered_on = ?, outcome = ? WHERE request_id = ?",
                e.answeredOn(), e.outcome().name(), e.requestId());
    }

    @EventHandler
    void on(OutcomeReclassified e) {
        jdbc.update("UPDATE request_index SET outcome = ? WHERE request_id = ?", e.outcome().name(), e.requestId());
    }

    @EventHandler
    void on(ApplicantTypeCorrected e) {
        jdbc.update("UPDATE request_index SET applicant_type = ? WHERE request_id = ?", e.type().name(), e.requestId());
    }

    @EventHandler
    void on(ReceiptDateCorrected e) {
        jdbc.update("UPDATE request_index SET received_on = ? WHERE request_id = ?", e.receivedOn(), e.requestId());
    }

    @EventHandler
    void on(RequestCarriedOver e) {
        jdbc.update("UPDATE request_index SET carried_from = array_append(array_remove(carried_from, ?), ?) WHERE request_id = ?",
                e.fromYear(), e.fromYear(), e.requestId());
    }

    @EventHandler
    void on(CarryOverRevoked e) {
        jdbc.update("UPDATE request_index SET carried_from = array_remove(carried_from, ?) WHERE request_id = ?",
                e.fromYear(), e.requestId());
    }

    @EventHandler
    void on(ReconsiderationFiled e) {
        fileCase(e.caseId(), e.requestId(), CaseKind.RECONSIDERATION, e.filedOn());
    }

    @EventHandler
    void on(LawsuitFiled e) {
        fileCase(e.caseId(), e.requestId(),
                e.afterReconsideration() ? CaseKind.LAWSUIT_AFTER_RECONSIDERATION : CaseKind.LAWSUIT_DIRECT, e.filedOn());
    }

    @EventHandler
    void on(ReconsiderationDecided e) {
        decideCase(e.caseId(), e.decidedOn(), e.result().name());
    }

    @EventHandler
    void on(LawsuitDecided e) {
        decideCase(e.caseId(), e.decidedOn(), e.result().name());
    }

    @EventHandler
    void on(YearClosed e) {
        jdbc.update("INSERT INTO agency_closure (agency_code, closed_through) VALUES (?, ?) ON CONFLICT (agency_code) "
                + "DO UPDATE SET closed_through = GREATEST(agency_closure.closed_through, EXCLUDED.closed_through)",
                e.agencyCode(), e.year());
    }

    private void fileCase(String caseId, java.util.UUID requestId, CaseKind kind, java.time.LocalDate filedOn) {
        jdbc.update("INSERT INTO case_index (case_id, request_id, agency_code, kind, filed_on) "
                        + "SELECT ?, request_id, agency_code, ?, ? FROM request_index WHERE request_id = ? ON CONFLICT (case_id) DO NOTHING",
                caseId, kind.name(), filedOn, requestId);
    }

    private void decideCase(String caseId, java.time.LocalDate decidedOn, String result) {
        jdbc.update("UPDATE case_index SET decided_on = ?, result = ? WHERE case_id = ?", decidedOn, result, caseId);
    }
}
