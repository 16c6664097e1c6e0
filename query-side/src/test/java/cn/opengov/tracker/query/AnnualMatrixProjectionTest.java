package cn.opengov.tracker.query;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.AnnualTables;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.CarryOverRevoked;
import cn.opengov.tracker.api.request.event.LawsuitDecided;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Section 三 and 四 derived from events (SPEC §4, §5, §7), read back over HTTP. */
class AnnualMatrixProjectionTest extends QuerySideTest {

    private JsonNode matrix(int year, String agency, boolean subAgencies) {
        return get("/api/reports/" + year + "/matrix?agencyCode=" + agency + "&includeSubAgencies=" + subAgencies).json();
    }

    private static int cell(JsonNode matrix, String row, String column) {
        return matrix.path("rows").path(row).path(column).asInt();
    }

    /** SPEC §7: 中宁县 2023, county-wide, events in and table out. */
    @Test
    void reproducesTheZhongningCounty2023Report() {
        String county = newAgency(null);
        String[] departments = {newAgency(county), newAgency(county), newAgency(county)};
        OutcomeCategory[] outcomes = new OutcomeCategory[24];
        java.util.Arrays.fill(outcomes, 0, 12, OutcomeCategory.DISCLOSED);
        java.util.Arrays.fill(outcomes, 12, 15, OutcomeCategory.PARTIALLY_DISCLOSED);
        java.util.Arrays.fill(outcomes, 15, 17, OutcomeCategory.WITHHELD_THIRD_PARTY_RIGHTS);
        java.util.Arrays.fill(outcomes, 17, 22, OutcomeCategory.UNABLE_NOT_HELD);
        java.util.Arrays.fill(outcomes, 22, 24, OutcomeCategory.NOT_PROCESSED_PETITION);
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            String agency = i % 4 == 0 ? county : departments[i % 3];
            UUID id = received(agency, "2023-" + String.format("%02d", 1 + i % 12) + "-10");
            requests.add(id);
            if (i < 24) {
                answered(id, "2023-12-" + String.format("%02d", 11 + i % 10), outcomes[i]);
            }
        }
        for (int i = 0; i < 2; i++) {
            UUID id = requests.get(i);
            append(id, new ReconsiderationFiled(id, "k" + i, d("2023-12-22")), new ReconsiderationDecided(id, "k" + i, d("2023-12-28"), CaseResult.OTHER));
        }
        for (int i = 2; i < 6; i++) {
            UUID id = requests.get(i);
            append(id, new LawsuitFiled(id, "s" + i, d("2023-12-22"), false), new LawsuitDecided(id, "s" + i, d("2023-12-29"), CaseResult.OTHER));
        }
        for (String agency : List.of(county, departments[0], departments[1], departments[2])) {
            appendFor("AgencyReporting", agency, new YearClosed(agency, 2023));
        }
        for (UUID id : requests.subList(24, 28)) {
            append(id, new RequestCarriedOver(id, 2023));
        }

        JsonNode m = matrix(2023, county, true);
        assertThat(m.path("format").asText()).isEqualTo("2021");
        assertThat(m.path("closed").asBoolean()).isTrue();
        assertThat(m.path("provisional").asBoolean()).isFalse();
        assertThat(m.path("balanced").asBoolean()).isTrue();
        assertThat(cell(m, "NEW_RECEIVED", "NATURAL_PERSON")).isEqualTo(28);
        assertThat(cell(m, "CARRIED_FROM_PREVIOUS", "TOTAL")).isZero();
        assertThat(cell(m, "DISCLOSED", "NATURAL_PERSON")).isEqualTo(12);
        assertThat(cell(m, "PARTIALLY_DISCLOSED", "NATURAL_PERSON")).isEqualTo(3);
        assertThat(cell(m, "WITHHELD_THIRD_PARTY_RIGHTS", "NATURAL_PERSON")).isEqualTo(2);
        assertThat(cell(m, "UNABLE_NOT_HELD", "NATURAL_PERSON")).isEqualTo(5);
        assertThat(cell(m, "NOT_PROCESSED_PETITION", "NATURAL_PERSON")).isEqualTo(2);
        assertThat(cell(m, "TOTAL_PROCESSED", "TOTAL")).isEqualTo(24);
        assertThat(cell(m, "CARRIED_TO_NEXT", "NATURAL_PERSON")).isEqualTo(4);
        for (String column : List.of("COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "SOCIAL_WELFARE_ORG", "LEGAL_SERVICE_ORG", "OTHER_ORG")) {
            assertThat(cell(m, "NEW_RECEIVED", column)).isZero();
        }
        assertThat(m.path("rows").size()).isEqualTo(25);

        JsonNode four = get("/api/reports/2023/review-litigation?agencyCode=" + county + "&includeSubAgencies=true").json();
        assertThat(four.path("reconsideration").path("OTHER").asInt()).isEqualTo(2);
        assertThat(four.path("reconsideration").path("TOTAL").asInt()).isEqualTo(2);
        assertThat(four.path("lawsuitDirect").path("OTHER").asInt()).isEqualTo(4);
        assertThat(four.path("lawsuitDirect").path("TOTAL").asInt()).isEqualTo(4);
        assertThat(four.path("lawsuitAfterReconsideration").path("TOTAL").asInt()).isZero();

        JsonNode next = matrix(2024, county, true);
        assertThat(cell(next, "CARRIED_FROM_PREVIOUS", "TOTAL")).as("next year's 二 is this year's 四").isEqualTo(4);

        JsonNode drill = get("/api/reports/2023/matrix/cells?agencyCode=" + county
                + "&includeSubAgencies=true&row=CARRIED_TO_NEXT&column=NATURAL_PERSON").json();
        assertThat(drill.path("total").asInt()).isEqualTo(4);
    }

    @Test
    void aDepartmentWithNoRequestsHasAZeroBalancedTable() {
        String agency = newAgency(null);
        JsonNode m = matrix(2023, agency, false);
        assertThat(m.path("balanced").asBoolean()).isTrue();
        assertThat(m.path("provisional").asBoolean()).isTrue();
        m.path("rows").forEach(row -> row.forEach(n -> assertThat(n.asInt()).isZero()));
    }

    @Test
    void correctionsMoveCountsBetweenCells() {
        String agency = newAgency(null);
        UUID id = received(agency, "2024-05-06");
        answered(id, "2024-05-20", OutcomeCategory.DISCLOSED);
        append(id, new OutcomeReclassified(id, OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED, "部分涉及隐私"));
        append(id, new ApplicantTypeCorrected(id, ApplicantType.NATURAL_PERSON, ApplicantType.LEGAL_SERVICE_ORG, "律师事务所"));
        JsonNode m = matrix(2024, agency, false);
        assertThat(cell(m, "DISCLOSED", "TOTAL")).isZero();
        assertThat(cell(m, "PARTIALLY_DISCLOSED", "LEGAL_SERVICE_ORG")).isEqualTo(1);
        assertThat(cell(m, "NEW_RECEIVED", "LEGAL_SERVICE_ORG")).isEqualTo(1);
        assertThat(cell(m, "NEW_RECEIVED", "NATURAL_PERSON")).isZero();

        append(id, new ReceiptDateCorrected(id, d("2024-05-06"), d("2023-12-29"), "登记错误"));
        assertThat(cell(matrix(2024, agency, false), "NEW_RECEIVED", "TOTAL")).isZero();
        JsonNode y2023 = matrix(2023, agency, false);
        assertThat(cell(y2023, "NEW_RECEIVED", "LEGAL_SERVICE_ORG")).isEqualTo(1);
        assertThat(cell(y2023, "CARRIED_TO_NEXT", "LEGAL_SERVICE_ORG")).as("open on 31 Dec 2023, provisional").isEqualTo(1);
    }

    @Test
    void aRevokedCarryOverLeavesTheClosedYear() {
        String agency = newAgency(null);
        UUID id = received(agency, "2024-12-20");
        appendFor("AgencyReporting", agency, new YearClosed(agency, 2024));
        append(id, new RequestCarriedOver(id, 2024));
        assertThat(cell(matrix(2024, agency, false), "CARRIED_TO_NEXT", "TOTAL")).isEqualTo(1);
        answered(id, "2024-12-30", OutcomeCategory.DISCLOSED);
        append(id, new CarryOverRevoked(id, 2024, "答复日期在该年度内"));
        JsonNode m = matrix(2024, agency, false);
        assertThat(cell(m, "CARRIED_TO_NEXT", "TOTAL")).isZero();
        assertThat(cell(m, "DISCLOSED", "TOTAL")).isEqualTo(1);
        assertThat(m.path("balanced").asBoolean()).isTrue();
        assertThat(cell(matrix(2025, agency, false), "CARRIED_FROM_PREVIOUS", "TOTAL")).isZero();
    }

    @Test
    void yearsUpTo2020UseThe2019Format() {
        String agency = newAgency(null);
        JsonNode m = matrix(2020, agency, false);
        assertThat(m.path("format").asText()).isEqualTo("2019");
        assertThat(m.path("columnLabels").path("SOCIAL_WELFARE_ORG").asText()).isEqualTo("社会组织");
    }

    /** Many random lifecycles: the pre-aggregated table equals the definition applied to the requests. */
    @Test
    void theTalliesAgreeWithTheDefinitionForRandomLifecycles() {
        String county = newAgency(null);
        String department = newAgency(county);
        Random random = new Random(20231231);
        List<RequestFacts> facts = new ArrayList<>();
        OutcomeCategory[] plain = {OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED, OutcomeCategory.UNABLE_NOT_HELD,
                OutcomeCategory.WITHHELD_PROCESS_INFO, OutcomeCategory.NOT_PROCESSED_DUPLICATE, OutcomeCategory.OTHER};
        for (int i = 0; i < 200; i++) {
            String agency = random.nextBoolean() ? county : department;
            ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
            LocalDate receivedOn = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(3 * 365));
            UUID id = received(agency, receivedOn.toString(), type);
            if (random.nextInt(5) == 0) {
                ApplicantType corrected = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
                if (corrected != type) {
                    append(id, new ApplicantTypeCorrected(id, type, corrected, "更正"));
                    type = corrected;
                }
            }
            LocalDate answeredOn = null;
            OutcomeCategory outcome = null;
            if (random.nextInt(4) > 0) {
                answeredOn = receivedOn.plusDays(random.nextInt(60));
                outcome = plain[random.nextInt(plain.length)];
                answered(id, answeredOn.toString(), outcome);
                if (random.nextInt(6) == 0) {
                    OutcomeCategory other = plain[random.nextInt(plain.length)];
                    if (other != outcome) {
                        append(id, new OutcomeReclassified(id, outcome, other, "更正"));
                        outcome = other;
                    }
                }
            }
            facts.add(new RequestFacts(agency, type, receivedOn, answeredOn, outcome, Set.of()));
        }
        for (int year = 2022; year <= 2025; year++) {
            AnnualTable expected = AnnualTables.derive(year, facts, null);
            JsonNode m = matrix(year, county, true);
            for (String row : expected.rows().keySet()) {
                for (String column : AnnualTable.columnsWithTotal()) {
                    assertThat(cell(m, row, column)).as(year + " " + row + " " + column).isEqualTo((int) expected.cell(row, column));
                }
            }
            // the drill-down restates the definitions in SQL (MatrixCells): its lists hold as many as the cells
            for (String row : List.of("NEW_RECEIVED", "CARRIED_FROM_PREVIOUS", "TOTAL_PROCESSED", "CARRIED_TO_NEXT")) {
                JsonNode drill = get("/api/reports/" + year + "/matrix/cells?agencyCode=" + county
                        + "&includeSubAgencies=true&row=" + row + "&column=TOTAL&size=1").json();
                assertThat(drill.path("total").asInt()).as(year + " " + row + " drill-down").isEqualTo((int) expected.cell(row, "TOTAL"));
            }
        }
    }
}
