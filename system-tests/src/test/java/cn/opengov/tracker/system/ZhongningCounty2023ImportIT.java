package cn.opengov.tracker.system;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the 中宁县 2023 report's section 三 (the seed, copied to resources/seeds) imported as individual requests —
 * one spreadsheet row per request, generated from the seed's own counts and worded with the seed's own row labels —
 * then the year closed: the table the events give is the seed's, cell by cell; published, the frozen table and the
 * whole report's (.docx) section 三 agree with it cell by cell. Importing the file again records nothing new.
 */
class ZhongningCounty2023ImportIT {

    private static final List<String> COLUMNS = List.of("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION",
            "SOCIAL_WELFARE_ORG", "LEGAL_SERVICE_ORG", "OTHER_ORG", "TOTAL");
    private static final List<String> TYPE_WORDS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");

    private final SystemUnderTest system = SystemUnderTest.get();
    private final ApiClient admin = system.admin();
    private final ApiClient query = admin.on(system.queryUrl);

    /** A row of the seed's section 三: its label as printed and its seven counts. */
    private record SeedRow(String label, List<Long> counts) {
    }

    private static List<SeedRow> seedSectionThree() throws IOException {
        String text;
        try (InputStream in = ZhongningCounty2023ImportIT.class.getResourceAsStream("/seeds/004_a50f55d48500a26a.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String table = text.substring(text.indexOf("三、收到和处理政府信息公开申请情况"), text.indexOf("四、政府信息公开行政复议"));
        List<SeedRow> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            List<String> cells = new ArrayList<>(List.of(line.split("\t", -1)));
            cells.removeIf(String::isBlank);
            if (cells.size() < 8) {
                continue;
            }
            List<Long> counts = new ArrayList<>();
            for (String c : cells.subList(cells.size() - 7, cells.size())) {
                counts.add(Long.parseLong(c.strip()));
            }
            rows.add(new SeedRow(cells.get(cells.size() - 8).strip(), counts));
        }
        return rows;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Test
    void theSeedsCountsImportedRowByRowGiveTheSeedsTable() throws Exception {
        List<SeedRow> seed = seedSectionThree();
        Map<String, SeedRow> byLabel = new LinkedHashMap<>();
        seed.forEach(r -> byLabel.put(r.label(), r));
        SeedRow received = byLabel.get("一、本年新收政府信息公开申请数量");
        assertThat(received.counts().get(6)).isEqualTo(28);

        String county = "ZI" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        assertThat(admin.post("/api/agencies", Map.of("code", county, "name", "中宁县人民政府")).status()).isEqualTo(201);

        // the outcome rows, each worded as the seed prints it; every request answered under one of them, by column
        List<String> outcomeWords = new ArrayList<>();
        List<Integer> outcomeColumns = new ArrayList<>();
        boolean inResults = false;
        for (SeedRow row : seed) {
            if (row.label().startsWith("(一)")) {
                inResults = true;
            }
            if (row.label().startsWith("(七)")) {
                inResults = false;
            }
            if (!inResults) {
                continue;
            }
            for (int c = 0; c < 6; c++) {
                for (long i = 0; i < row.counts().get(c); i++) {
                    outcomeWords.add(row.label());
                    outcomeColumns.add(c);
                }
            }
        }
        StringBuilder csv = new StringBuilder("受理编号,收到日期,渠道,申请人类型,申请人,内容,答复日期,答复结果\n");
        int n = 0;
        List<Integer> answeredColumns = new ArrayList<>(outcomeColumns);
        for (int c = 0; c < 6; c++) {
            for (long i = 0; i < received.counts().get(c); i++) {
                LocalDate on = LocalDate.of(2023, 1 + n * 11 / 27, 6);
                String answer = "";
                String outcome = "";
                int at = answeredColumns.indexOf(c);
                if (at >= 0) {
                    answer = on.plusDays(15).toString();
                    outcome = outcomeWords.get(at);
                    answeredColumns.set(at, -1);
                }
                csv.append("ZN2023-").append(n).append(',').append(on).append(',').append(n % 2 == 0 ? "互联网" : "邮寄").append(',')
                        .append(TYPE_WORDS.get(c)).append(",申请人").append(n).append(",申请公开征地补偿安置方案第").append(n).append("号,")
                        .append(answer).append(',').append(csvField(outcome)).append('\n');
                n++;
            }
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        ApiClient.Response dry = admin.postFile("/api/imports?dryRun=true&agencyCode=" + county, "file", "中宁县2023.csv", file);
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.json().path("refused")).as(dry.text()).isEmpty();
        ApiClient.Response imported = admin.postFile("/api/imports?agencyCode=" + county, "file", "中宁县2023.csv", file);
        assertThat(imported.json().path("accepted").asInt()).as(imported.text()).isEqualTo(28);
        assertThat(admin.post("/api/years/2023/close", Map.of("agencyCode", county)).json().path("carriedOver").asInt())
                .isEqualTo(received.counts().get(6).intValue() - byLabel.get("(七) 总计").counts().get(6).intValue());

        JsonNode rows = query.await("/api/reports/2023/matrix?agencyCode=" + county,
                m -> m.path("rows").path("NEW_RECEIVED").path("TOTAL").asLong() == 28).json().path("rows");
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("一、本年新收政府信息公开申请数量", "NEW_RECEIVED");
        codes.put("二、上年结转政府信息公开申请数量", "CARRIED_FROM_PREVIOUS");
        codes.put("(七) 总计", "TOTAL_PROCESSED");
        codes.put("四、结转下年度继续办理", "CARRIED_TO_NEXT");
        int compared = 0;
        for (SeedRow row : seed) {
            String code = codes.get(row.label());
            if (code == null) {
                continue;
            }
            for (int c = 0; c < 7; c++) {
                assertThat(rows.path(code).path(COLUMNS.get(c)).asLong()).as(row.label() + " " + COLUMNS.get(c))
                        .isEqualTo(row.counts().get(c));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(4);
        // and every outcome row, by the seed's counts
        assertThat(rows.path("DISCLOSED").path("NATURAL_PERSON").asLong()).isEqualTo(byLabel.get("(一) 予以公开").counts().get(0));
        assertThat(rows.path("WITHHELD_THIRD_PARTY_RIGHTS").path("TOTAL").asLong()).isEqualTo(byLabel.get("4. 保护第三方合法权益").counts().get(6));
        assertThat(rows.path("UNABLE_NOT_HELD").path("TOTAL").asLong()).isEqualTo(byLabel.get("1. 本机关不掌握相关政府信息").counts().get(6));
        assertThat(rows.path("NOT_PROCESSED_PETITION").path("TOTAL").asLong()).isEqualTo(byLabel.get("1. 信访举报投诉类申请").counts().get(6));
        assertThat(rows.path("PARTIALLY_DISCLOSED").path("TOTAL").asLong()).isEqualTo(3);

        // published, the table and the whole report's section 三 agree cell by cell
        assertThat(admin.post("/api/years/2023/publish", Map.of("agencyCode", county)).status()).isEqualTo(200);
        JsonNode published = query.await("/api/reports/2023/published?agencyCode=" + county, p -> p.has("rows")).json().path("rows");
        byte[] docx = query.get("/api/reports/2023/annual-report.docx?agencyCode=" + county).body();
        Map<String, String> rowCodes = new LinkedHashMap<>(codes);
        for (cn.opengov.tracker.api.request.OutcomeCategory o : cn.opengov.tracker.api.request.OutcomeCategory.values()) {
            rowCodes.put(o.item() == 0 ? o.group().numbered() + " " + o.label() : o.item() + "." + o.label(), o.name());
        }
        int reportRows = 0;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable three = doc.getTables().get(1);
            for (XWPFTableRow row : three.getRows()) {
                List<XWPFTableCell> cells = row.getTableCells();
                String code = cells.stream().map(c -> rowCodes.get(c.getText().strip())).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                if (code == null) {
                    continue;
                }
                for (int c = 0; c < 7; c++) {
                    assertThat(Long.parseLong(cells.get(cells.size() - 7 + c).getText().strip())).as(code + " " + COLUMNS.get(c))
                            .isEqualTo(published.path(code).path(COLUMNS.get(c)).asLong())
                            .isEqualTo(rows.path(code).path(COLUMNS.get(c)).asLong());
                }
                reportRows++;
            }
        }
        assertThat(reportRows).isEqualTo(rowCodes.size());

        ApiClient.Response again = admin.postFile("/api/imports?agencyCode=" + county, "file", "中宁县2023（再次）.csv", file);
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("alreadyImported").asInt()).isEqualTo(28);
    }
}
