package cn.opengov.tracker.query;

import cn.opengov.tracker.api.report.AnnualTables;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.reporting.AnnualReportPublished;
import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §6 exports in the official layout, and §4 publication with the cells that changed since. */
class ExportsAndPublicationTest extends QuerySideTest {

    private String agencyWithOneAnswer(int year) {
        String agency = newAgency(null);
        UUID id = received(agency, year + "-03-02");
        answered(id, year + "-03-20", OutcomeCategory.UNABLE_NOT_HELD);
        received(agency, year + "-12-29");
        return agency;
    }

    private static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals(label)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row labelled " + label);
    }

    @Test
    void theXlsxHasTheOfficialRowsColumnsAndMergedHeaders() throws Exception {
        String agency = agencyWithOneAnswer(2023);
        ApiClient.Response r = get("/api/reports/2023/matrix.xlsx?agencyCode=" + agency);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getNumMergedRegions()).isGreaterThan(10);
            Row notHeld = rowLabelled(sheet, "1.本机关不掌握相关政府信息");
            assertThat(notHeld.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(notHeld.getCell(9).getNumericCellValue()).as("总计").isEqualTo(1.0);
            assertThat(rowLabelled(sheet, "四、结转下年度继续办理").getCell(9).getNumericCellValue()).isEqualTo(1.0);
            assertThat(rowLabelled(sheet, "一、本年新收政府信息公开申请数量").getCell(9).getNumericCellValue()).isEqualTo(2.0);
            rowLabelled(sheet, "社会公益组织");
            rowLabelled(sheet, "(三) 不予公开");
            rowLabelled(sheet, "3.其他");
            rowLabelled(sheet, "行政复议");
            rowLabelled(sheet, "复议后起诉");
        }
    }

    @Test
    void theCsvAndHtmlCarryTheSameLabels() {
        String agency = agencyWithOneAnswer(2023);
        String csv = get("/api/reports/2023/matrix.csv?agencyCode=" + agency).text();
        assertThat(csv).startsWith("\uFEFF").contains("本机关不掌握相关政府信息").contains("二、上年结转政府信息公开申请数量")
                .contains("(七) 总计").contains("尚未审结");
        ApiClient.Response html = get("/api/reports/2023/matrix.html?agencyCode=" + agency);
        assertThat(html.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.text()).contains("<table>").contains("rowspan=\"8\"").contains("保护第三方合法权益")
                .doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void years2019And2020HaveOneOtherRowAndTheColumnSocialOrganisation() {
        String agency = agencyWithOneAnswer(2020);
        String csv = get("/api/reports/2020/matrix.csv?agencyCode=" + agency).text();
        assertThat(csv).contains("社会组织").doesNotContain("社会公益组织").contains("(六) 其他处理")
                .doesNotContain("申请人逾期未按收费通知要求缴纳费用");
    }

    @Test
    void thePublishedTableShowsWhoAndWhenAndEveryCellThatChangedSince() {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-02");
        answered(id, "2025-03-20", OutcomeCategory.DISCLOSED);
        appendFor("AgencyReporting", agency, new YearClosed(agency, 2025));
        var facts = List.of(new RequestFacts(agency, ApplicantType.NATURAL_PERSON, d("2025-03-02"), d("2025-03-20"),
                OutcomeCategory.DISCLOSED, java.util.Set.of()));
        appendFor("AgencyReporting", agency, new AnnualReportPublished(agency, 2025, false,
                AnnualTables.derive(2025, facts, 2025), ReviewLitigationTable.derive(2025, List.of())));

        JsonNode published = get("/api/reports/2025/published?agencyCode=" + agency).json();
        assertThat(published.path("publishedBy").asText()).isEqualTo("tester");
        assertThat(published.path("publishedAt").asText()).isNotBlank();
        assertThat(published.path("differences")).isEmpty();
        assertThat(published.path("rows").path("DISCLOSED").path("TOTAL").asInt()).isEqualTo(1);

        append(id, new OutcomeReclassified(id, OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED, "复查"));
        JsonNode changed = get("/api/reports/2025/published?agencyCode=" + agency).json();
        assertThat(changed.path("liveDiffers").asBoolean()).isTrue();
        assertThat(changed.path("differences").toString())
                .contains("\"row\":\"DISCLOSED\",\"column\":\"NATURAL_PERSON\",\"published\":1,\"live\":0")
                .contains("\"row\":\"PARTIALLY_DISCLOSED\",\"column\":\"NATURAL_PERSON\",\"published\":0,\"live\":1");
        assertThat(get("/api/reports/2024/published?agencyCode=" + agency).status()).isEqualTo(404);
    }
}
