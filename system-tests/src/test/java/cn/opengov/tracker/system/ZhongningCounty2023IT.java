package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7: the 中宁县 2023 report reproduced through the HTTP API, as an office would produce it — requests
 * logged and answered over the year, cases recorded, the year closed in January, the table read, exported,
 * published — and then the read models rebuilt from the event store give the same table.
 */
class ZhongningCounty2023IT {

    private final SystemUnderTest system = SystemUnderTest.get();
    private final ApiClient admin = system.admin();
    private final ApiClient query = admin.on(system.queryUrl);

    private String agency(String parent, String name) {
        String code = "ZN" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Map<String, Object> body = parent == null ? Map.of("code", code, "name", name)
                : Map.of("code", code, "name", name, "parentCode", parent);
        assertThat(admin.post("/api/agencies", body).status()).isEqualTo(201);
        return code;
    }

    private String post(String path, Map<String, Object> body, int status, String field) {
        ApiClient.Response r = admin.post(path, body);
        assertThat(r.status()).as(path + " " + r.text()).isEqualTo(status);
        return field == null ? null : r.field(field);
    }

    @Test
    void theCountyWideTableOf2023ComesOutOfTheEvents() throws Exception {
        String county = agency(null, "中宁县人民政府");
        List<String> offices = List.of(county, agency(county, "中宁县自然资源局"), agency(county, "中宁县住房和城乡建设局"));
        String[] outcomes = new String[24];
        java.util.Arrays.fill(outcomes, 0, 12, "DISCLOSED");
        java.util.Arrays.fill(outcomes, 12, 15, "PARTIALLY_DISCLOSED");
        java.util.Arrays.fill(outcomes, 15, 17, "WITHHELD_THIRD_PARTY_RIGHTS");
        java.util.Arrays.fill(outcomes, 17, 22, "UNABLE_NOT_HELD");
        java.util.Arrays.fill(outcomes, 22, 24, "NOT_PROCESSED_PETITION");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            String month = String.format("%02d", 1 + i * 11 / 27);
            String id = post("/api/requests", Map.of("agencyCode", offices.get(i % 3), "receivedOn", "2023-" + month + "-06",
                    "channel", i % 2 == 0 ? "ONLINE" : "MAIL",
                    "applicant", Map.of("type", "NATURAL_PERSON", "name", "申请人" + i),
                    "description", "申请公开征地补偿安置方案第" + i + "号"), 201, "requestId");
            ids.add(id);
        }
        for (int i = 0; i < 24; i++) {
            String received = "2023-" + String.format("%02d", 1 + i * 11 / 27) + "-06";
            String answered = java.time.LocalDate.parse(received).plusDays(15).toString();
            post("/api/requests/" + ids.get(i) + "/answer", Map.of("answeredOn", answered, "outcome", outcomes[i]), 200, null);
        }
        for (int i = 0; i < 2; i++) {
            String caseId = post("/api/requests/" + ids.get(i) + "/reconsiderations", Map.of("filedOn", "2023-11-01"), 201, "caseId");
            post("/api/requests/" + ids.get(i) + "/cases/" + caseId + "/decision", Map.of("decidedOn", "2023-12-20", "result", "OTHER"), 200, null);
        }
        for (int i = 2; i < 6; i++) {
            String caseId = post("/api/requests/" + ids.get(i) + "/lawsuits",
                    Map.of("filedOn", "2023-10-01", "afterReconsideration", false), 201, "caseId");
            post("/api/requests/" + ids.get(i) + "/cases/" + caseId + "/decision", Map.of("decidedOn", "2023-12-15", "result", "OTHER"), 200, null);
        }
        ApiClient.Response closed = admin.post("/api/years/2023/close", Map.of("agencyCode", county, "includeSubAgencies", true));
        assertThat(closed.json().path("carriedOver").asInt()).isEqualTo(4);

        ApiClient.Response matrix = query.get("/api/reports/2023/matrix?agencyCode=" + county + "&includeSubAgencies=true");
        assertThat(matrix.status()).as(matrix.text()).isEqualTo(200);
        JsonNode m = matrix.json();
        JsonNode rows = m.path("rows");
        assertThat(m.path("closed").asBoolean()).isTrue();
        assertThat(m.path("balanced").asBoolean()).isTrue();
        assertThat(rows.path("NEW_RECEIVED").path("NATURAL_PERSON").asInt()).isEqualTo(28);
        assertThat(rows.path("CARRIED_FROM_PREVIOUS").path("TOTAL").asInt()).isZero();
        assertThat(rows.path("DISCLOSED").path("NATURAL_PERSON").asInt()).isEqualTo(12);
        assertThat(rows.path("PARTIALLY_DISCLOSED").path("NATURAL_PERSON").asInt()).isEqualTo(3);
        assertThat(rows.path("WITHHELD_THIRD_PARTY_RIGHTS").path("NATURAL_PERSON").asInt()).isEqualTo(2);
        assertThat(rows.path("UNABLE_NOT_HELD").path("NATURAL_PERSON").asInt()).isEqualTo(5);
        assertThat(rows.path("NOT_PROCESSED_PETITION").path("NATURAL_PERSON").asInt()).isEqualTo(2);
        assertThat(rows.path("TOTAL_PROCESSED").path("TOTAL").asInt()).isEqualTo(24);
        assertThat(rows.path("CARRIED_TO_NEXT").path("NATURAL_PERSON").asInt()).isEqualTo(4);

        JsonNode four = query.get("/api/reports/2023/review-litigation?agencyCode=" + county + "&includeSubAgencies=true").json();
        assertThat(four.path("reconsideration").path("OTHER").asInt()).isEqualTo(2);
        assertThat(four.path("reconsideration").path("TOTAL").asInt()).isEqualTo(2);
        assertThat(four.path("lawsuitDirect").path("OTHER").asInt()).isEqualTo(4);
        assertThat(four.path("lawsuitDirect").path("TOTAL").asInt()).isEqualTo(4);

        byte[] xlsx = query.get("/api/reports/2023/matrix.xlsx?agencyCode=" + county + "&includeSubAgencies=true").body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(valueBeside(sheet, "(七) 总计")).isEqualTo(24);
            assertThat(valueBeside(sheet, "四、结转下年度继续办理")).isEqualTo(4);
        }

        assertThat(admin.post("/api/years/2023/publish", Map.of("agencyCode", county, "includeSubAgencies", true)).status()).isEqualTo(200);
        JsonNode published = query.get("/api/reports/2023/published?agencyCode=" + county + "&includeSubAgencies=true").json();
        assertThat(published.path("publishedBy").asText()).isEqualTo("admin");
        assertThat(published.path("differences")).isEmpty();

        // rebuilt from the event store, the table comes back the same
        assertThat(query.post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        query.awaitRebuilt(Duration.ofSeconds(60));
        assertThat(query.get("/api/reports/2023/matrix?agencyCode=" + county + "&includeSubAgencies=true").json().path("rows"))
                .isEqualTo(rows);
    }

    /** The count in the 总计 column of the row labelled so. */
    private static int valueBeside(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                    return (int) row.getCell(9).getNumericCellValue();
                }
            }
        }
        throw new AssertionError("no row " + label);
    }
}
