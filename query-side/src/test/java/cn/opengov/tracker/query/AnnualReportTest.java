package cn.opengov.tracker.query;

import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole annual report (issue 16): its text sections kept per agency and year in versions (who, when, what), and
 * the .docx whose section 三 and 四 tables equal the matrix endpoints cell by cell, with section 六's fee figures.
 */
class AnnualReportTest extends QuerySideTest {

    private static final List<String> COLUMNS = List.of("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION",
            "SOCIAL_WELFARE_ORG", "LEGAL_SERVICE_ORG", "OTHER_ORG", "TOTAL");

    private static Map<String, Object> text(int basedOn, String overview, long licensing) {
        Map<String, Object> disclosure = new LinkedHashMap<>();
        for (String k : List.of("rulesIssued", "rulesRepealed", "rulesInForce", "normativeIssued", "normativeRepealed",
                "normativeInForce", "punishment", "enforcement")) {
            disclosure.put(k, 0);
        }
        disclosure.put("normativeInForce", 28);
        disclosure.put("licensing", licensing);
        disclosure.put("feesWanYuan", new BigDecimal("2157.79"));
        return Map.of("basedOnVersion", basedOn, "overview", overview, "activeDisclosure", disclosure,
                "problems", "个别单位答复内容不规范。", "otherItems", "（一）2023年政务公开工作要点落实情况。");
    }

    @Test
    void theTextIsKeptInVersionsWithWhoAndWhatAndAStaleEditIsRefused() {
        String agency = newAgency(null);
        String path = "/api/reports/2023/annual-report/text?agencyCode=" + agency;
        assertThat(get(path).json().path("version").asInt()).isZero();
        ApiClient.Response first = admin().put(path, text(0, "2023年，本机关坚持以人民为中心。", 153644));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        ApiClient.Response second = admin().put(path, text(1, "2023年，本机关坚持以人民为中心。", 153645));
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        ApiClient.Response stale = admin().put(path, text(1, "另一人的修改", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asText()).contains("admin").contains("第2版");
        ApiClient.Response negative = admin().put(path, text(2, "x", -1));
        assertThat(negative.status()).isEqualTo(400);
        ApiClient.Response staff = ApiClient.at("http://localhost:" + port).as("staff", "staff").put(path, text(2, "x", 1));
        assertThat(staff.status()).isEqualTo(403);

        JsonNode history = get("/api/reports/2023/annual-report/text/history?agencyCode=" + agency).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(history.get(0).path("editedBy").asText()).isEqualTo("admin");
        assertThat(history.get(0).path("sectionsChanged").toString()).contains("二、主动公开政府信息情况").doesNotContain("一、总体情况");
        assertThat(history.get(1).path("sectionsChanged")).hasSize(4);
        assertThat(get(path).json().path("activeDisclosure").path("licensing").asLong()).isEqualTo(153645);
    }

    @Test
    void theDocxHasSectionsOneToSixAndItsTablesEqualTheMatrixEndpointsCellByCell() throws Exception {
        String agency = newAgency(null);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        OutcomeCategory[] outcomes = OutcomeCategory.values();
        cn.opengov.tracker.api.request.ApplicantType[] types = cn.opengov.tracker.api.request.ApplicantType.values();
        List<UUID> answered = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = received(agency, "2023-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10), types[random.nextInt(types.length)]);
            if (random.nextInt(5) > 0) {
                OutcomeCategory o = outcomes[random.nextInt(outcomes.length)];
                answered(id, "2023-11-2" + random.nextInt(10), o);
                answered.add(id);
            }
        }
        UUID paid = received(agency, "2023-05-08");
        append(paid, new FeeNoticeIssued(paid, d("2023-05-15"), new BigDecimal("100.00")), new FeePaid(paid, d("2023-05-20")));
        append(answered.get(0), new ReconsiderationFiled(answered.get(0), "R1", d("2023-12-01")),
                new ReconsiderationDecided(answered.get(0), "R1", d("2023-12-20"), CaseResult.CORRECTED));
        append(answered.get(1), new LawsuitFiled(answered.get(1), "L1", d("2023-12-05"), false));
        assertThat(admin().put("/api/reports/2023/annual-report/text?agencyCode=" + agency,
                text(0, "2023年，本机关坚持以人民为中心。\n第二段。", 153644)).status()).isEqualTo(200);

        ApiClient.Response r = get("/api/reports/2023/annual-report.docx?agencyCode=" + agency);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Disposition").orElse("")).contains(".docx");
        JsonNode matrix = get("/api/reports/2023/matrix?agencyCode=" + agency).json().path("rows");
        JsonNode four = get("/api/reports/2023/review-litigation?agencyCode=" + agency).json();
        String statement = get("/api/reports/2023/fees?agencyCode=" + agency).json().path("statement").asText();

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            List<String> paragraphs = new ArrayList<>();
            List<XWPFTable> tables = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    paragraphs.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    tables.add(t);
                }
            }
            String all = String.join("\n", paragraphs);
            List<String> headings = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
            int at = -1;
            for (String h : headings) {
                int next = paragraphs.indexOf(h);
                assertThat(next).as(h + " in order").isGreaterThan(at);
                at = next;
            }
            assertThat(all).contains("2023年，本机关坚持以人民为中心。").contains("第二段。").contains("个别单位答复内容不规范。")
                    .contains(statement);
            assertThat(tables).hasSize(3);
            assertThat(tableText(tables.get(0))).contains("行政许可").contains("153644").contains("2157.79").contains("28");

            // section 三: every row's counts equal the matrix endpoint's
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("一、本年新收政府信息公开申请数量", "NEW_RECEIVED");
            labels.put("二、上年结转政府信息公开申请数量", "CARRIED_FROM_PREVIOUS");
            for (OutcomeCategory o : outcomes) {
                labels.put(o.item() == 0 ? o.group().numbered() + " " + o.label() : o.item() + "." + o.label(), o.name());
            }
            labels.put("(七) 总计", "TOTAL_PROCESSED");
            labels.put("四、结转下年度继续办理", "CARRIED_TO_NEXT");
            int compared = 0;
            for (XWPFTableRow row : tables.get(1).getRows()) {
                List<XWPFTableCell> cells = row.getTableCells();
                String code = null;
                for (XWPFTableCell c : cells) {
                    code = code == null ? labels.get(c.getText().strip()) : code;
                }
                if (code == null) {
                    continue;
                }
                List<XWPFTableCell> counts = cells.subList(cells.size() - 7, cells.size());
                for (int i = 0; i < 7; i++) {
                    assertThat(Long.parseLong(counts.get(i).getText().strip())).as(code + " " + COLUMNS.get(i))
                            .isEqualTo(matrix.path(code).path(COLUMNS.get(i)).asLong());
                }
                compared++;
            }
            assertThat(compared).as("every row of section 三").isEqualTo(labels.size());
            assertThat(matrix.path("TOTAL_PROCESSED").path("TOTAL").asLong()).isEqualTo(answered.size());

            // section 四: the row of counts equals the endpoint's three blocks
            XWPFTableRow counts = tables.get(2).getRow(3);
            List<Long> expected = new ArrayList<>();
            for (String block : List.of("reconsideration", "lawsuitDirect", "lawsuitAfterReconsideration")) {
                for (String column : List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL")) {
                    expected.add(four.path(block).path(column).asLong());
                }
            }
            assertThat(counts.getTableCells().stream().map(c -> Long.parseLong(c.getText().strip())).toList()).isEqualTo(expected);
            assertThat(expected.get(1)).isEqualTo(1);
            assertThat(expected.get(8)).isEqualTo(1);
        }
    }

    private static String tableText(XWPFTable table) {
        StringBuilder out = new StringBuilder();
        table.getRows().forEach(row -> row.getTableCells().forEach(c -> out.append(c.getText()).append('|')));
        return out.toString();
    }
}
