package cn.opengov.tracker.query;

import cn.opengov.tracker.api.calendar.HolidayNotice;
import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.report.AnnualTables;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.reporting.AnnualReportPublished;
import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The reads the pages added: the request list's exports, the holiday notice's preview, the published table's download. */
class PagesReadsTest extends QuerySideTest {

    @Test
    void theListExportsFollowTheSearchAndKeepFormulasAsText() throws Exception {
        String agency = newAgency(null);
        UUID open = UUID.randomUUID();
        append(open, new RequestReceived(open, agency + "-2026-0001", agency, d("2026-06-10"), Channel.ONLINE,
                new Applicant(ApplicantType.NATURAL_PERSON, "=cmd|' /C calc'!A0", null, null, null, null), "@SUM(1+1)"));
        UUID done = received(agency, "2026-06-01");
        answered(done, "2026-06-05", OutcomeCategory.DISCLOSED);

        String csv = get("/api/requests/export.csv?agencyCode=" + agency + "&status=OPEN").text();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("受理编号").contains("答复期限");
        assertThat(lines.get(1)).contains(",'=cmd|' /C calc'!A0,").contains(",'@SUM(1+1),").contains("2026-07-09");

        ApiClient.Response xlsx = get("/api/requests/export.xlsx?agencyCode=" + agency);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("header and both requests").isEqualTo(2);
            String names = java.util.stream.IntStream.rangeClosed(1, 2).mapToObj(r -> sheet.getRow(r).getCell(4).getStringCellValue())
                    .collect(Collectors.joining("|"));
            assertThat(names).contains("=cmd|' /C calc'!A0");
            assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
    }

    @Test
    void thePreviewNamesTheDeadlinesANoticeWouldMoveAndRefusesWhatLoadingWouldRefuse() {
        String agency = newAgency(null);
        UUID id = received(agency, "2026-06-10");
        HolidayNotice bundled = HolidayNotices.bundled().stream().filter(n -> n.year() == 2026).findFirst().orElseThrow();
        StringBuilder query = new StringBuilder("/api/deadlines/calendar-preview?year=2026&off=2026-07-01");
        bundled.days().forEach(day -> query.append(day.isOffDay() ? "&off=" : "&work=").append(day.date()));

        JsonNode preview = get(query.toString()).json();
        assertThat(preview.path("replacing").asBoolean()).isTrue();
        JsonNode moved = java.util.stream.StreamSupport.stream(preview.path("moved").spliterator(), false)
                .filter(m -> m.path("requestId").asText().equals(id.toString())).findFirst().orElseThrow();
        assertThat(moved.path("deadline").asText()).isEqualTo("答复期限");
        assertThat(moved.path("before").asText()).isEqualTo("2026-07-09");
        assertThat(moved.path("after").asText()).isEqualTo("2026-07-10");

        ApiClient.Response refused = get("/api/deadlines/calendar-preview?year=2027&off=2026-06-01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("不属于2027年的通知");
    }

    @Test
    void thePublishedTableDownloadsAsFrozen() throws Exception {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-02");
        answered(id, "2025-03-20", OutcomeCategory.DISCLOSED);
        appendFor("AgencyReporting", agency, new YearClosed(agency, 2025));
        var facts = List.of(new RequestFacts(agency, ApplicantType.NATURAL_PERSON, d("2025-03-02"), d("2025-03-20"),
                OutcomeCategory.DISCLOSED, java.util.Set.of()));
        appendFor("AgencyReporting", agency, new AnnualReportPublished(agency, 2025, false,
                AnnualTables.derive(2025, facts, 2025), ReviewLitigationTable.derive(2025, List.of())));
        ApiClient.Response xlsx = get("/api/reports/2025/published.xlsx?agencyCode=" + agency);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).endsWith("（已发布）");
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).contains("发布人 tester");
        }
        assertThat(get("/api/reports/2024/published.xlsx?agencyCode=" + agency).status()).as("never published").isEqualTo(404);
    }
}
