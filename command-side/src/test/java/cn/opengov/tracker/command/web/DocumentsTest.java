package cn.opengov.tracker.command.web;

import cn.opengov.tracker.command.document.render.NoticeRenderer;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Written notices over HTTP (SPEC §2b, API.md): letterhead, issuing, numbering, refusals and agency templates. */
class DocumentsTest extends CommandSideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String agencyWithLetterhead() {
        String code = newAgency(null);
        ApiClient.Response r = admin().put("/api/agencies/" + code + "/letterhead", letterhead(code));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return code;
    }

    private static Map<String, Object> letterhead(String code) {
        return Map.of("fullName", "测试县科学技术局" + code, "docPrefix", "测科" + code, "address", "测试县人民路1号",
                "phone", "0955-1234567", "reconsiderationBody", "测试县人民政府", "court", "测试县人民法院");
    }

    private ApiClient.Response issue(UUID request, String kind) {
        return admin().post("/api/requests/" + request + "/documents", Map.of("kind", kind));
    }

    private JsonNode issued(UUID request, String kind) {
        ApiClient.Response r = issue(request, kind);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.header("X-Event-Position")).isPresent();
        return r.json();
    }

    private Map<String, Object> row(String documentId) {
        return jdbc.queryForMap("SELECT * FROM issued_document WHERE document_id = ?::uuid", documentId);
    }

    @Test
    void aReceiptIsIssuedNumberedRecordedAsAnEventAndKeptByteForByte() throws Exception {
        String agency = agencyWithLetterhead();
        UUID request = log(admin(), agency, "2026-03-02");
        JsonNode first = issued(request, "RECEIPT");
        JsonNode second = issued(request, "RECEIPT");
        assertThat(first.path("number").asText()).isEqualTo("测科" + agency + "受〔2026〕1号");
        assertThat(second.path("number").asText()).isEqualTo("测科" + agency + "受〔2026〕2号");
        assertThat(first.path("datedOn").asText()).isEqualTo("2026-03-02");
        Map<String, Object> kept = row(first.path("documentId").asText());
        assertThat(NoticeRenderer.sha256((byte[]) kept.get("pdf"))).isEqualTo(first.path("sha256").asText()).isEqualTo(kept.get("pdf_sha256"));
        assertThat(NoticeRenderer.sha256((byte[]) kept.get("docx"))).isEqualTo(first.path("docxSha256").asText());
        assertThat(eventsOf(request, "DocumentIssued")).isEqualTo(2);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%DocumentIssued' ORDER BY sequence_number LIMIT 1", String.class, request.toString());
        assertThat(payload).contains(first.path("sha256").asText()).contains(first.path("number").asText());
        assertThat(row(second.path("documentId").asText()).get("supersedes").toString()).isEqualTo(first.path("documentId").asText());
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream((byte[]) kept.get("docx")));
             XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
            assertThat(words.getText()).contains("测试县科学技术局" + agency).contains("李四：").contains("政府信息公开申请受理回执");
        }
    }

    @Test
    void aNoticeOfAStepNotTakenIsRefusedAndUsesNoNumber() {
        String agency = agencyWithLetterhead();
        UUID request = log(admin(), agency, "2026-03-02");
        long events = eventCount();
        ApiClient.Response refused = issue(request, "CORRECTION_NOTICE");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("code")).isEqualTo("DOCUMENT_NEEDS_CORRECTION_NOTICE");
        assertThat(refused.header("Content-Type").orElseThrow()).contains("application/problem+json");
        for (String kind : List.of("EXTENSION_NOTICE", "CONSULTATION_LETTER", "FEE_NOTICE", "DEFERRAL_NOTICE", "ANSWER")) {
            assertThat(issue(request, kind).status()).as(kind).isEqualTo(409);
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(admin().post("/api/requests/" + request + "/correction-notice", Map.of("noticeOn", "2026-03-04",
                "items", "请写明项目名称", "applicantDueOn", "2026-03-18")).status()).isEqualTo(200);
        assertThat(issued(request, "CORRECTION_NOTICE").path("number").asText()).isEqualTo("测科" + agency + "补〔2026〕1号");
    }

    @Test
    void anAnswerNeedsTheRemediesOfTheLetterheadAndIsReissuedUnderANewNumberAfterACorrection() {
        String agency = newAgency(null);
        UUID request = log(admin(), agency, "2026-03-02");
        answer(request, "2026-03-20", "DISCLOSED");
        assertThat(issued(request, "RECEIPT").path("number").asText()).as("without a letterhead: the agency's name")
                .isEqualTo("测试机关" + agency + "受〔2026〕1号");
        ApiClient.Response noRemedies = issue(request, "ANSWER");
        assertThat(noRemedies.status()).isEqualTo(409);
        assertThat(noRemedies.field("code")).isEqualTo("LETTERHEAD_NEEDED");
        assertThat(admin().put("/api/agencies/" + agency + "/letterhead", letterhead(agency)).status()).isEqualTo(200);
        JsonNode first = issued(request, "ANSWER");
        assertThat(first.path("number").asText()).isEqualTo("测科" + agency + "〔2026〕1号");
        assertThat(admin().post("/api/requests/" + request + "/outcome-reclassification",
                Map.of("outcome", "WITHHELD_THIRD_PARTY_RIGHTS", "reason", "涉及第三方商业秘密")).status()).isEqualTo(200);
        JsonNode second = issued(request, "ANSWER");
        assertThat(second.path("number").asText()).isEqualTo("测科" + agency + "〔2026〕2号");
        assertThat(row(first.path("documentId").asText())).as("the first stays as it was").isNotNull();
        assertThat(docxText(second.path("documentId").asText())).contains("《条例》第十五条").contains("应当先");
        assertThat(docxText(first.path("documentId").asText())).contains("第三十六条第（二）项").doesNotContain("第十五条");
    }

    @Test
    void numbersStayGapFreeWhenClerksIssueAtOnce() throws Exception {
        String agency = agencyWithLetterhead();
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(log(admin(), agency, "2026-03-0" + (2 + i % 3)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        for (UUID r : requests) {
            answers.add(pool.submit(() -> issue(r, "RECEIPT")));
            answers.add(pool.submit(() -> issue(r, "ANSWER")));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<ApiClient.Response> f : answers) {
            ApiClient.Response r = f.get();
            if (r.status() == 201) {
                numbers.add(r.field("number"));
            } else {
                assertThat(r.field("code")).isEqualTo("DOCUMENT_NEEDS_ANSWER");
            }
        }
        pool.shutdown();
        assertThat(numbers).containsExactlyInAnyOrder(java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(n -> "测科" + agency + "受〔2026〕" + n + "号").toArray(String[]::new));
    }

    @Test
    void onlyWhoMaySeeTheRequestMayIssueAndOnlyAdministratorsSetLetterheads() {
        String agency = agencyWithLetterhead();
        String other = newAgency(null);
        UUID request = log(admin(), agency, "2026-03-02");
        assertThat(admin().post("/api/users", Map.of("username", "st" + other.toLowerCase(), "password", "password-123",
                "role", "STAFF", "agencyCode", other)).status()).isEqualTo(201);
        ApiClient outsider = as("st" + other.toLowerCase(), "password-123");
        assertThat(outsider.post("/api/requests/" + request + "/documents", Map.of("kind", "RECEIPT")).status()).isEqualTo(404);
        assertThat(outsider.put("/api/agencies/" + other + "/letterhead", letterhead(other)).status()).isEqualTo(403);
        assertThat(admin().put("/api/agencies/NOPE/letterhead", letterhead("NOPE")).status()).isEqualTo(404);
        ApiClient.Response bad = admin().put("/api/agencies/" + agency + "/letterhead", Map.of("fullName", "某局", "docPrefix", "某〔公〕"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("docPrefix").contains("reconsiderationBody").contains("court");
        ApiClient.Response unknownKind = admin().post("/api/requests/" + request + "/documents", Map.of("kind", "MEMO"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.text()).contains("RECEIPT").contains("ANSWER");
        assertThat(admin().post("/api/requests/" + UUID.randomUUID() + "/documents", Map.of("kind", "RECEIPT")).status()).isEqualTo(404);
    }

    @Test
    void anAgencysOwnTemplateIsCheckedKeptAndUsedByItsDepartments() throws Exception {
        String county = agencyWithLetterhead();
        String department = newAgency(county);
        admin().put("/api/agencies/" + department + "/letterhead", letterhead(department));
        byte[] own = template("本县专用格式", "{{文号}}", "{{主送}}", "{{正文}}", "落款：{{机关全称}}　{{成文日期}}");
        HttpResponse<String> saved = put("/api/agencies/" + county + "/templates/RECEIPT", own, "admin:admin");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).path("source").asText()).isEqualTo("AGENCY");

        UUID request = log(admin(), department, "2026-03-02");
        JsonNode receipt = issued(request, "RECEIPT");
        assertThat(docxText(receipt.path("documentId").asText())).contains("本县专用格式").contains("李四：")
                .contains("落款：测试县科学技术局" + department).contains("2026年3月2日").doesNotContain("{{");

        HttpResponse<String> unknown = put("/api/agencies/" + county + "/templates/RECEIPT",
                template("{{文号}}", "{{正文}}", "{{申请人电话}}"), "admin:admin");
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.path("unknownPlaceholders").toString()).contains("{{申请人电话}}");
        assertThat(problem.path("knownPlaceholders").toString()).contains("{{正文}}").contains("{{受理编号}}");
        assertThat(problem.path("detail").asText()).contains("不认识的占位符").contains("{{申请人电话}}").contains("可用的占位符");

        HttpResponse<String> noRemedies = put("/api/agencies/" + county + "/templates/ANSWER", template("{{文号}}", "{{正文}}"), "admin:admin");
        assertThat(noRemedies.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noRemedies.body()).path("missingPlaceholders").toString()).contains("{{救济途径}}");
        assertThat(put("/api/agencies/" + county + "/templates/ANSWER", "not a docx".getBytes(StandardCharsets.UTF_8), "admin:admin")
                .statusCode()).isEqualTo(400);
        assertThat(put("/api/agencies/" + county + "/templates/NOTE", own, "admin:admin").statusCode()).isEqualTo(400);

        assertThat(admin().get("/api/agencies/" + department + "/templates").text()).contains("\"source\":\"INHERITED\"");
        assertThat(admin().get("/api/agencies/" + county + "/templates/RECEIPT.docx").status()).isEqualTo(200);
        HttpResponse<String> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/agencies/" + county + "/templates/RECEIPT"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(back.body()).path("source").asText()).isEqualTo("BUILT_IN");
    }

    private String docxText(String documentId) {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream((byte[]) row(documentId).get("docx")));
             XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
            return words.getText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A .docx whose paragraphs hold these texts, the placeholders split over runs as Word often does. */
    static byte[] template(String... paragraphs) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : paragraphs) {
                XWPFParagraph p = doc.createParagraph();
                int half = text.length() / 2;
                p.createRun().setText(text.substring(0, half));
                p.createRun().setText(text.substring(half));
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> put(String path, byte[] body, String credentials) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
