package cn.opengov.tracker.query;

import cn.opengov.tracker.api.document.DocumentIssued;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices' reads (API.md): the list of a request, its downloads exactly as kept, the letterhead, the case
 * page's 文书 panel — within the user's agency tree. The command side's issuing is stood in for by its event and
 * its row, as it writes them.
 */
class DocumentQueriesTest extends QuerySideTest {

    @org.springframework.beans.factory.annotation.Autowired
    private cn.opengov.tracker.platform.directory.UserDirectory users;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private UUID receivedAndIssued(String agency, UUID documentId, byte[] pdf, byte[] docx) throws Exception {
        UUID request = UUID.randomUUID();
        append(request, new RequestReceived(request, agency + "-2026-0001", agency, d("2026-03-02"), Channel.MAIL,
                        new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null, null, null), "申请公开某文件"),
                new DocumentIssued(request, documentId, DocumentKind.RECEIPT, "测科受〔2026〕1号", sha256(pdf), sha256(docx),
                        d("2026-03-02"), null, null));
        jdbc.update("""
                INSERT INTO issued_document (document_id, request_id, agency_code, kind, year, sequence, number, dated_on,
                    issued_at, issued_by, pdf, pdf_sha256, docx, docx_sha256)
                VALUES (?, ?, ?, 'RECEIPT', 2026, 1, '测科受〔2026〕1号', ?, ?, 'staff', ?, ?, ?, ?)""",
                documentId, request, agency, d("2026-03-02"), Timestamp.from(Instant.parse("2026-03-02T02:00:00Z")),
                pdf, sha256(pdf), docx, sha256(docx));
        return request;
    }

    @Test
    void aRequestsNoticesAreListedAndDownloadedExactlyAsKept() throws Exception {
        String agency = newAgency(null);
        UUID documentId = UUID.randomUUID();
        byte[] pdf = "%PDF-1.7 受理回执".getBytes(StandardCharsets.UTF_8);
        byte[] docx = "PK docx".getBytes(StandardCharsets.UTF_8);
        UUID request = receivedAndIssued(agency, documentId, pdf, docx);

        ApiClient.Response list = admin().get("/api/requests/" + request + "/documents");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        var item = list.json().path("items").get(0);
        assertThat(item.path("documentId").asText()).isEqualTo(documentId.toString());
        assertThat(item.path("kind").asText()).isEqualTo("RECEIPT");
        assertThat(item.path("number").asText()).isEqualTo("测科受〔2026〕1号");
        assertThat(item.path("issuedOn").asText()).isEqualTo("2026-03-02");
        assertThat(item.path("issuedBy").asText()).isEqualTo("staff");
        assertThat(item.path("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(list.json().path("offers").toString()).contains("RECEIPT").doesNotContain("ANSWER");
        assertThat(list.json().path("letterheadSet").asBoolean()).isFalse();

        for (int i = 0; i < 2; i++) {
            ApiClient.Response download = admin().get("/api/documents/" + documentId + ".pdf");
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(pdf);
            assertThat(sha256(download.body())).isEqualTo(item.path("sha256").asText());
            assertThat(download.header("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(download.header("ETag").orElseThrow()).contains(sha256(pdf));
            assertThat(download.header("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
        }
        ApiClient.Response word = admin().get("/api/documents/" + documentId + ".docx");
        assertThat(word.body()).isEqualTo(docx);
        assertThat(word.header("Content-Type").orElseThrow()).contains("wordprocessingml");
    }

    @Test
    void noticesOutsideTheUsersAgencyTreeAreNotFound() throws Exception {
        String agency = newAgency(null);
        String other = newAgency(null);
        UUID documentId = UUID.randomUUID();
        UUID request = receivedAndIssued(agency, documentId, "%PDF".getBytes(StandardCharsets.UTF_8), "PK".getBytes(StandardCharsets.UTF_8));
        String user = "doc" + other.toLowerCase();
        jdbc.update("DELETE FROM app_user WHERE username = ?", user);
        users.create(user, "password-123", cn.opengov.tracker.platform.directory.Role.STAFF, other, "test");
        ApiClient outsider = ApiClient.at("http://localhost:" + port).as(user, "password-123");
        assertThat(outsider.get("/api/requests/" + request + "/documents").status()).isEqualTo(404);
        assertThat(outsider.get("/api/documents/" + documentId + ".pdf").status()).isEqualTo(404);
        assertThat(outsider.get("/api/agencies/" + agency + "/letterhead").status()).isEqualTo(403);
        assertThat(admin().get("/api/documents/" + UUID.randomUUID() + ".pdf").status()).isEqualTo(404);
        assertThat(admin().get("/api/documents/not-a-uuid.pdf").status()).isEqualTo(404);
        assertThat(admin().get("/api/requests/" + UUID.randomUUID() + "/documents").status()).isEqualTo(404);
        assertThat(admin().get("/api/agencies/" + agency + "/letterhead").status()).isEqualTo(404);
        jdbc.update("INSERT INTO agency_letterhead (agency_code, full_name, doc_prefix, reconsideration_body, court) VALUES (?, ?, ?, ?, ?)",
                agency, "测试县科学技术局", "测科", "测试县人民政府", "测试县人民法院");
        ApiClient.Response letterhead = admin().get("/api/agencies/" + agency + "/letterhead");
        assertThat(letterhead.status()).isEqualTo(200);
        assertThat(letterhead.field("court")).isEqualTo("测试县人民法院");
    }

    @Test
    void theCasePageOffersTheNoticesOfTheStepsTakenAndTheIssuedOnesToDownload() throws Exception {
        String agency = newAgency(null);
        UUID documentId = UUID.randomUUID();
        UUID request = receivedAndIssued(agency, documentId, "%PDF".getBytes(StandardCharsets.UTF_8), "PK".getBytes(StandardCharsets.UTF_8));
        admin().await("/api/requests/" + request, r -> true);
        ApiClient.Response page = admin().get("/requests/" + request);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"documents\"").contains("生成受理回执").doesNotContain("生成答复书")
                .contains("测科受〔2026〕1号").contains("/api/documents/" + documentId + ".pdf").contains("打印")
                .contains("出具受理回执").contains("/js/documents.js");
    }
}
