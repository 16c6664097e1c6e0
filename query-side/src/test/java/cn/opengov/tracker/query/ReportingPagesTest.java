package cn.opengov.tracker.query;

import cn.opengov.tracker.api.request.imports.ImportColumn;
import cn.opengov.tracker.platform.testing.ApiClient;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16's pages (统计看板, 年度报告, 批量导入), the charting library served by the application, the import template. */
class ReportingPagesTest extends QuerySideTest {

    @Test
    void thePagesRenderForSupervisorsAndEchartsIsServedHereNotFromACdn() {
        ApiClient.Response dashboard = admin().get("/dashboard?year=2025", Map.of("Accept", "text/html"));
        assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
        assertThat(dashboard.text()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js").contains("chart-months")
                .contains("逾期答复率").doesNotContain("cdn");
        ApiClient.Response echarts = admin().get("/webjars/echarts/5.3.1/dist/echarts.min.js", Map.of("Accept", "*/*"));
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.body().length).isGreaterThan(500_000);
        ApiClient.Response report = admin().get("/reports/annual-report?agencyCode=ZNX&year=2024", Map.of("Accept", "text/html"));
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.text()).contains("一、总体情况").contains("二、主动公开政府信息情况").contains("五、存在的主要问题及改进情况")
                .contains("annual-report.docx");
        ApiClient.Response imports = admin().get("/imports", Map.of("Accept", "text/html"));
        assertThat(imports.status()).isEqualTo(200);
        assertThat(imports.text()).contains("受理编号").contains("答复结果").contains("template.xlsx");
        ApiClient.Response staff = ApiClient.at("http://localhost:" + port).as("staff", "staff")
                .get("/dashboard", Map.of("Accept", "text/html"));
        assertThat(staff.status()).isEqualTo(403);
    }

    @Test
    void theTemplatesHaveTheDocumentedColumnsInOrder() throws Exception {
        List<String> headers = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            headers.add(c.header());
        }
        ApiClient.Response xlsx = admin().get("/api/imports/template.xlsx", Map.of("Accept", "*/*"));
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            List<String> found = new ArrayList<>();
            header.forEach(cell -> found.add(cell.getStringCellValue()));
            assertThat(found).isEqualTo(headers);
            assertThat(workbook.getSheet("填写说明").getRow(1).getCell(1).getStringCellValue()).isEqualTo("必填");
        }
        String csv = new String(admin().get("/api/imports/template.csv", Map.of("Accept", "*/*")).body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + String.join(",", headers));
    }
}
