package cn.opengov.tracker.command.lookup;

import cn.opengov.tracker.api.fee.SameApplicant;
import cn.opengov.tracker.api.report.CaseFacts;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.OutcomeCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the command side's lookups. */
@Component
public class RequestIndex {

    private final JdbcTemplate jdbc;

    public RequestIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IndexedRequest> find(UUID requestId) {
        return jdbc.query("SELECT request_id, agency_code, tracking_no, received_on, answered_on FROM request_index WHERE request_id = ?",
                (rs, i) -> new IndexedRequest(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)), requestId).stream().findFirst();
    }

    /**
     * The requests an agency received in a calendar month, with their applicants as far as {@link SameApplicant}
     * needs them (109号第四条's count).
     */
    public List<SameApplicant.Candidate> requestsOfMonth(String agencyCode, YearMonth month) {
        return jdbc.query("""
                SELECT request_id, tracking_no, received_on, applicant_type, applicant_name, applicant_id_number
                FROM request_index WHERE agency_code = ? AND received_on BETWEEN ? AND ?""",
                (rs, i) -> new SameApplicant.Candidate(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), new Applicant(ApplicantType.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? "" : rs.getString(5), rs.getString(6), null, null, null)),
                agencyCode, month.atDay(1), month.atEndOfMonth());
    }

    public Optional<Integer> closedThrough(String agencyCode) {
        return jdbc.query("SELECT closed_through FROM agency_closure WHERE agency_code = ?",
                (rs, i) -> rs.getInt(1), agencyCode).stream().findFirst();
    }

    /**
     * The requests of an agency that a close through {@code year} may still have to carry: received by the end of
     * the year and not answered within the year they were received. The aggregate decides exactly.
     */
    public List<UUID> carryOverCandidates(String agencyCode, int year) {
        return jdbc.queryForList("""
                SELECT request_id FROM request_index
                WHERE agency_code = ? AND received_on <= make_date(?, 12, 31)
                  AND (answered_on IS NULL OR EXTRACT(YEAR FROM answered_on) > EXTRACT(YEAR FROM received_on))
                  AND COALESCE((SELECT max(y) FROM unnest(carried_from) y), 0)
                      < LEAST(?, COALESCE(EXTRACT(YEAR FROM answered_on)::int - 1, ?))
                ORDER BY received_on, request_id""", UUID.class, agencyCode, year, year, year);
    }

    /** What the year's section 三 counts, for the agencies given: see {@link RequestFacts}. */
    public List<RequestFacts> factsForYear(List<String> agencyCodes, int year) {
        return jdbc.query("""
                SELECT agency_code, applicant_type, received_on, answered_on, outcome, carried_from FROM request_index
                WHERE agency_code = ANY(?) AND received_on <= make_date(?, 12, 31)
                  AND (answered_on IS NULL OR answered_on >= make_date(?, 1, 1))""",
                (rs, i) -> new RequestFacts(rs.getString(1), ApplicantType.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : OutcomeCategory.valueOf(rs.getString(5)), years(rs.getArray(6))),
                agencyCodes.toArray(String[]::new), year, year - 1);
    }

    public List<CaseFacts> casesForYear(List<String> agencyCodes, int year) {
        return jdbc.query("""
                SELECT agency_code, kind, filed_on, decided_on, result FROM case_index
                WHERE agency_code = ANY(?) AND filed_on <= make_date(?, 12, 31)
                  AND (decided_on IS NULL OR decided_on >= make_date(?, 1, 1))""",
                (rs, i) -> new CaseFacts(rs.getString(1), CaseKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : CaseResult.valueOf(rs.getString(5))),
                agencyCodes.toArray(String[]::new), year, year);
    }

    private static Set<Integer> years(Array array) throws java.sql.SQLException {
        return array == null ? Set.of() : Arrays.stream((Integer[]) array.getArray()).collect(Collectors.toSet());
    }

    /** A request as the command side looks it up. */
    public record IndexedRequest(UUID requestId, String agencyCode, String trackingNo, LocalDate receivedOn,
                                 LocalDate answeredOn) {
    }
}
