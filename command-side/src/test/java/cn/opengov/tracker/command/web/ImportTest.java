package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import (issue 16) through HTTP: a dry run reports every refused row and field in Chinese and records
 * nothing; the import records each accepted row as the events a clerk's steps give, marked with the file and row;
 * the same file again records nothing; a late import into a closed year is carried over (SPEC §4). The tests run as
 * of 2026-06-15.
 */
class ImportTest extends CommandSideTest {

    static final String HEADER = "受理编号,收到日期,渠道,申请人类型,申请人,证件号码,内容,补正告知日期,补正内容,补正期限,补正收到日期,延期（工作日）,延期批准日期,答复日期,答复结果";

    private static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private ApiClient.Response upload(ApiClient client, String agency, byte[] file, String name, boolean dryRun) {
        return client.postFile("/api/imports?dryRun=" + dryRun + "&agencyCode=" + agency, "file", name, file);
    }

    private static List<String> refusals(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("refused").forEach(r -> out.add(r.path("row").asInt() + ":" + r.path("field").asText()));
        return out;
    }

    @Test
    void aDryRunNamesEveryRefusedRowAndFieldInChineseAndRecordsNothing() {
        String agency = newAgency(null);
        String other = newAgency(null);
        byte[] file = csv(
                "A-1,2023-01-06,互联网,自然人,张三,,申请公开征地补偿方案,,,,,,,2023-01-20,予以公开",         // row 2: fine
                "A-2,2023-02-30,互联网,自然人,李四,,申请公开某文件,,,,,,,,",                                  // 3: no such date
                "A-3,2023-03-01,飞鸽传书,自然人,王五,,申请公开某文件,,,,,,,,",                                // 4: unknown channel
                "A-4,2023-03-01,邮寄,外星人,赵六,,申请公开某文件,,,,,,,,",                                    // 5: unknown applicant type
                "A-5,2023-03-01,邮寄,自然人,,,申请公开某文件,,,,,,,,",                                        // 6: no applicant
                "A-6,2023-03-01,邮寄,自然人,钱七,,申请公开某文件,,,,,,,2023-03-10,全部公开",                   // 7: outcome not the table's words
                "A-7,2023-03-01,邮寄,自然人,孙八,,申请公开某文件,,,,,,,2023-03-10,",                          // 8: answered without outcome
                "A-8,2023-03-01,邮寄,自然人,周九,,申请公开某文件,,,,2023-03-05,,,,",                          // 9: correction received, no notice
                "A-9,2023-03-01,邮寄,自然人,吴十,,申请公开某文件,,,,,10,,,",                                   // 10: extension without approval date
                "A-10,2027-03-01,邮寄,自然人,郑一,,申请公开某文件,,,,,,,,",                                    // 11: in the future
                "A-11,2023-03-10,邮寄,自然人,冯二,,申请公开某文件,,,,,,,2023-03-01,予以公开",                  // 12: answered before receipt
                "A-1,2023-04-01,邮寄,自然人,陈三,,申请公开某文件,,,,,,,,",                                     // 13: 受理编号 twice
                "A-13,2023-03-01,邮寄,自然人,褚四,11010519491231002X,申请公开某文件,,,,,,,,",                 // 14: fine, with a valid ID
                "A-14,2023-03-01,邮寄,自然人,卫五,110105194912310021,申请公开某文件,,,,,,,,",                 // 15: ID check digit wrong
                "A-15,2023-03-01,邮寄,自然人,蒋六,,申请公开某文件,,,,,,,2023-03-20,补正后申请内容仍不明确",    // 16: needs a correction
                "A-16,2023-03-01,邮寄,自然人,沈七,,申请公开某文件,2023-03-03,,,,,,,",                           // 17: notice without due date
                "A-17,2023-03-01,当面提交,商业企业,某公司,,申请公开某文件,,,,,30,2023-03-10,,");             // 18: 30 working days
        long before = eventCount();
        ApiClient.Response r = upload(admin(), agency, file, "历史台账.csv", true);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("rows").asInt()).isEqualTo(17);
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(refusals(answer)).containsExactlyInAnyOrder(
                "3:收到日期", "4:渠道", "5:申请人类型", "6:申请人", "7:答复结果", "8:答复结果", "9:补正收到日期",
                "10:延期批准日期", "11:收到日期", "12:答复日期", "13:受理编号", "15:证件号码", "16:答复日期",
                "17:补正期限", "18:延期");
        answer.path("refused").forEach(p -> assertThat(p.path("message").asText()).as(p.toString()).containsPattern("\\p{IsHan}"));
        assertThat(message(answer, 7)).contains("全部公开").contains("予以公开");
        assertThat(eventCount()).as("a dry run records nothing").isEqualTo(before);

        // a row for an agency outside the user's tree is refused, not recorded
        String supervisor = newUserNamed("SUPERVISOR", agency);
        byte[] foreign = ("受理编号,机关代码,收到日期,渠道,申请人类型,申请人,内容\nB-1," + other + ",2023-01-06,邮寄,自然人,张三,申请公开某文件\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode refusedForeign = upload(as(supervisor, PASSWORD), agency, foreign, "x.csv", false).json();
        assertThat(refusals(refusedForeign)).containsExactly("2:机关代码");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static String message(JsonNode answer, int row) {
        for (JsonNode p : answer.path("refused")) {
            if (p.path("row").asInt() == row) {
                return p.path("message").asText();
            }
        }
        throw new AssertionError("row " + row + " not refused");
    }

    @Test
    void anImportRecordsAClerksEventsMarkedWithFileAndRowAndTheSameFileAgainRecordsNothing() {
        String agency = newAgency(null);
        byte[] file = csv(
                "Z-1,2023-01-06,互联网,自然人,张三,,申请公开征地补偿方案,,,,,,,2023-01-20,予以公开",
                "Z-2,2023-02-06,邮寄,法律服务机构,某律师事务所,,申请公开某批复,2023-02-08,请说明所需信息的名称,2023-02-20,2023-02-15,15,2023-03-10,2023-03-30,(三)4.保护第三方合法权益",
                "Z-3,2023-03-06,传真,其他,某协会,,申请公开某文件,,,,,,,2023-03-20,部分公开",
                "Z-4,2023-12-20,当面提交,自然人,李四,,申请公开某文件,,,,,,,,",
                "Z-5,2023-04-03,互联网,社会组织,某基金会,,申请公开某文件,2023-04-04,请明确年份,2023-04-19,,,,2023-05-06,申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
        long before = eventCount();
        ApiClient.Response first = upload(admin(), agency, file, "2023年台账.csv", false);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("accepted").asInt()).as(first.text()).isEqualTo(5);
        assertThat(first.json().path("refused")).isEmpty();
        // receipt, answer / receipt, notice, correction, extension, answer / receipt, answer / receipt / receipt, notice, answer
        assertThat(eventCount() - before).isEqualTo(2 + 5 + 2 + 1 + 3);
        List<Map<String, Object>> z2 = jdbc.queryForList("""
                SELECT payload_type, convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry e
                JOIN request_index i ON i.request_id::text = e.aggregate_identifier
                WHERE i.agency_code = ? AND e.meta_data IS NOT NULL AND convert_from(e.meta_data, 'UTF8') LIKE '%Z-2%'
                ORDER BY e.sequence_number""", agency);
        assertThat(z2).extracting(m -> ((String) m.get("payload_type")).replaceAll(".*\\.", "")).containsExactly(
                "RequestReceived", "CorrectionRequested", "CorrectionReceived", "DeadlineExtended", "RequestAnswered");
        assertThat((String) z2.get(0).get("meta")).contains("\"importedFrom\":\"2023年台账.csv\"").contains("\"importedRow\":3")
                .contains("\"recordedBy\":\"admin\"");

        ApiClient.Response again = upload(admin(), agency, file, "2023年台账（副本）.csv", false);
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("alreadyImported").asInt()).isEqualTo(5);
        assertThat(eventCount() - before).as("the same rows twice record nothing new").isEqualTo(13);
    }

    @Test
    void twoUploadsOfTheSameFileAtOnceRecordEachRowOnce() throws Exception {
        String agency = newAgency(null);
        String[] rows = new String[450];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "P-" + i + ",2023-0" + (1 + i % 9) + "-1" + (i % 10) + ",邮寄,自然人,申请人" + i + ",,申请公开某文件" + i + ",,,,,,,"
                    + (i % 3 == 0 ? "" : "2023-11-20,予以公开");
        }
        byte[] file = csv(rows);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> upload(admin(), agency, file, "a.csv", false));
            var second = two.submit(() -> upload(admin(), agency, file, "b.csv", false));
            JsonNode a = first.get().json();
            JsonNode b = second.get().json();
            assertThat(a.path("accepted").asInt() + b.path("accepted").asInt()).as(a + "\n" + b).isEqualTo(rows.length);
        } finally {
            two.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_index WHERE agency_code = ?", Long.class, agency))
                .isEqualTo(rows.length);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN request_index i "
                + "ON i.request_id::text = e.aggregate_identifier WHERE i.agency_code = ? AND e.payload_type LIKE '%RequestReceived'",
                Long.class, agency)).isEqualTo(rows.length);
        JsonNode again = upload(admin(), agency, file, "c.csv", false).json();
        assertThat(again.path("alreadyImported").asInt()).isEqualTo(rows.length);
    }

    @Test
    void aLateImportIntoAClosedYearIsCarriedOverUnlessAnsweredInThatYear() {
        String agency = newAgency(null);
        assertThat(admin().post("/api/years/2024/close", Map.of("agencyCode", agency)).status()).isEqualTo(200);
        byte[] file = csv(
                "L-1,2024-06-03,邮寄,自然人,张三,,申请公开某文件,,,,,,,,",
                "L-2,2024-06-03,邮寄,自然人,李四,,申请公开某文件,,,,,,,2024-06-20,予以公开",
                "L-3,2024-12-27,邮寄,自然人,王五,,申请公开某文件,,,,,,,2025-01-10,予以公开");
        ApiClient.Response r = upload(admin(), agency, file, "late.csv", false);
        assertThat(r.json().path("accepted").asInt()).as(r.text()).isEqualTo(3);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT e.aggregate_identifier, count(*) FILTER (WHERE payload_type LIKE '%RequestCarriedOver') AS carried
                FROM domain_event_entry e JOIN request_index i ON i.request_id::text = e.aggregate_identifier
                WHERE i.agency_code = ? GROUP BY 1""", agency);
        assertThat(rows).hasSize(3);
        long carriedRequests = rows.stream().filter(m -> ((Number) m.get("carried")).intValue() == 1).count();
        assertThat(carriedRequests).as("open on 31 Dec 2024: L-1 and L-3 (answered in January)").isEqualTo(2);
    }

    @Test
    void anXlsxWithDateCellsAndAnyColumnOrderImportsAndStaffMayNot() throws Exception {
        String agency = newAgency(null);
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("申请");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            String[] header = {"申请人", "收到日期", "受理编号", "渠道", "申请人类型", "内容", "答复日期", "答复结果"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("张三");
            row.createCell(1).setCellValue(LocalDate.of(2023, 5, 8));
            row.getCell(1).setCellStyle(dates);
            row.createCell(2).setCellValue(1001);
            row.createCell(3).setCellValue("邮寄");
            row.createCell(4).setCellValue("自然人");
            row.createCell(5).setCellValue("申请公开某文件");
            row.createCell(6).setCellValue(LocalDate.of(2023, 5, 20));
            row.getCell(6).setCellStyle(dates);
            row.createCell(7).setCellValue("(四) 无法提供 1.本机关不掌握相关政府信息");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ApiClient.Response staff = upload(as("staff", "staff"), agency, xlsx, "a.xlsx", false);
        assertThat(staff.status()).isEqualTo(403);
        ApiClient.Response r = upload(admin(), agency, xlsx, "a.xlsx", false);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("accepted").asInt()).as(r.text()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN request_index i ON i.request_id::text = e.aggregate_identifier "
                + "WHERE i.agency_code = ? AND e.payload_type LIKE '%RequestAnswered' AND convert_from(e.payload, 'UTF8') LIKE '%UNABLE_NOT_HELD%'",
                Long.class, agency)).isEqualTo(1);
    }

    @Test
    void aCsvSavedByExcelInGbkAndFilesThatAreNoSpreadsheetAreHandled() {
        String agency = newAgency(null);
        byte[] gbk = (HEADER + "\nG-1,2023-01-06,互联网,自然人,张三,,申请公开某文件,,,,,,,,\n").getBytes(Charset.forName("GBK"));
        ApiClient.Response r = upload(admin(), agency, gbk, "gbk.csv", true);
        assertThat(r.json().path("accepted").asInt()).as(r.text()).isEqualTo(1);

        ApiClient.Response pdf = upload(admin(), agency, "%PDF-1.4".getBytes(StandardCharsets.UTF_8), "a.pdf", true);
        assertThat(pdf.status()).isEqualTo(400);
        ApiClient.Response missing = upload(admin(), agency, "受理编号,收到日期\nX,2023-01-01\n".getBytes(StandardCharsets.UTF_8), "a.csv", true);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(refusals(missing.json())).contains("0:渠道", "0:申请人类型", "0:申请人", "0:内容");
        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        ApiClient.Response tooLarge = upload(admin(), agency, huge, "huge.csv", true);
        assertThat(tooLarge.status()).as("the import's own limit: 16 MiB").isEqualTo(413);
        assertThat(admin().post("/api/requests", "{\"x\":\"" + "y".repeat(70_000) + "\"}").status())
                .as("every other path keeps 64 KiB").isEqualTo(413);
        ApiClient.Response notMultipart = admin().post("/api/imports", Map.of("file", "x"));
        assertThat(notMultipart.status()).isEqualTo(400);
    }
}
