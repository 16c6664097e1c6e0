package cn.opengov.tracker.system;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single address's routing, from the one template (deploy/nginx): nginx in front of two stand-ins that say
 * which side they are and what they were told, so that every rule of the README's list is checked exactly,
 * without side effects; then HTTPS, with a certificate made here, in front of the stand-ins and of the real sides.
 */
class SingleAddressIT {

    private static final Path DIR = Path.of("target/single-address").toAbsolutePath();
    private static HttpServer command;
    private static HttpServer query;
    private static SingleAddress plain;
    private static SingleAddress tls;
    private static int plainPort;
    private static int redirectPort;
    private static int httpsPort;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DIR);
        command = standIn("command");
        query = standIn("query");
        String commandUpstream = "127.0.0.1:" + command.getAddress().getPort();
        String queryUpstream = "127.0.0.1:" + query.getAddress().getPort();
        plainPort = SystemUnderTest.anyFreePort();
        plain = SingleAddress.start(DIR.resolve("plain"), commandUpstream, queryUpstream, List.of("127.0.0.1:" + plainPort), Map.of());
        makeCertificate();
        redirectPort = SystemUnderTest.anyFreePort();
        httpsPort = SystemUnderTest.anyFreePort();
        tls = SingleAddress.start(DIR.resolve("tls"), commandUpstream, queryUpstream, List.of("127.0.0.1:" + redirectPort), tlsSettings(httpsPort));
        client = HttpClient.newBuilder().sslContext(trusting(DIR.resolve("cert.pem"))).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.close();
        }
        if (tls != null) {
            tls.close();
        }
        command.stop(0);
        query.stop(0);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            // pages and reads
            "GET, /, query", "GET, /board, query", "HEAD, /requests/abc, query", "GET, /login, query",
            "GET, /api/requests?agencyCode=ZNX&q=x, query", "GET, /api/reports/2025/matrix.xlsx, query",
            "GET, /api/documents/5b7c.pdf, query", "GET, /public/status?no=1&code=2, query",
            "GET, /public/apply, query", "GET, /public/lookup, query", "GET, /public/challenge, query",
            "GET, /public/agencies, query", "GET, /api/applications?status=PENDING, query", "GET, /my, query",
            "GET, /applications, query", "GET, /api/admin/reminders?status=FAILED, query",
            "GET, /swagger-ui.html, query", "GET, /actuator/health/readiness, query", "GET, /css/app.css, query",
            // the command side's own reads: the administrators' records, an agency's document templates
            "GET, /api/admin/login-failures, command", "GET, /api/admin/audit?page=2, command",
            "GET, /api/agencies/ZNX/templates, command", "GET, /api/agencies/ZNX/templates/RECEIPT.docx, command",
            "GET, /api/agencies/ZNX, query", "GET, /api/admin/projections/status, query",
            // the query side's own writes: the login form, logout, the read models' administration, the annual report's text
            "POST, /login, query", "POST, /logout, query", "POST, /api/admin/projections/rebuild, query",
            "POST, /api/admin/projections/dead-letters/7/retry, query", "DELETE, /api/admin/projections/dead-letters/7, query",
            "PUT, /api/reports/2023/annual-report/text?agencyCode=ZNX, query", "POST, /api/reports/2023/annual-report/text, command",
            "PUT, /api/reports/2023/annual-report/textX, command",
            // every other write
            "POST, /api/requests, command", "POST, /api/requests/abc/answer, command", "PUT, /api/agencies/ZNX/letterhead, command",
            "PUT, /api/admin/calendar/2027, command", "PATCH, /api/users/u, command", "DELETE, /api/users/u, command",
            "POST, /public/applications, command", "POST, /api/users/u/disable, command", "POST, /api/applications/abc/confirm, command",
            "POST, /api/applications/abc/reject, command", "POST, /api/users/u/email, command", "POST, /api/imports?dryRun=true, command",
            "OPTIONS, /api/requests, command", "POST, /loginx, command", "POST, /api/admin/projectionsX, command",
            // the normalised path decides, not the raw one
            "POST, /login/../api/requests, command", "POST, /api/admin/projections/../../requests, command"
    })
    void writesGoToTheCommandSideAndReadsAndPagesToTheQuerySide(String method, String path, String side) throws Exception {
        HttpResponse<String> answer = send(method, "http://127.0.0.1:" + plainPort + path);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Stand-In")).hasValue(side);
    }

    @Test
    void theSidesLearnTheAddressTheBrowserUsedAndTheAccessLogKeepsNoQueryString() throws Exception {
        HttpResponse<String> answer = send("GET", "http://127.0.0.1:" + plainPort + "/api/requests?q=%E5%BC%A0%E4%B8%89");
        assertThat(answer.headers().firstValue("X-Seen-Host")).hasValue("127.0.0.1:" + plainPort);
        assertThat(answer.headers().firstValue("X-Seen-Proto")).hasValue("http");
        assertThat(answer.headers().firstValue("X-Seen-For")).hasValue("127.0.0.1");
        String log = awaitLogLine(DIR.resolve("plain/access.log"), "/api/requests");
        assertThat(log).doesNotContain("q=").doesNotContain("%E5%BC%A0").doesNotContain("张三");
    }

    @Test
    void withACertificateItAnswersHttpsAndPlainHttpOnlyRedirects() throws Exception {
        HttpResponse<String> page = send("GET", "https://127.0.0.1:" + httpsPort + "/board");
        assertThat(page.headers().firstValue("X-Stand-In")).hasValue("query");
        assertThat(page.headers().firstValue("X-Seen-Proto")).hasValue("https");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        HttpResponse<String> write = send("POST", "https://127.0.0.1:" + httpsPort + "/api/requests");
        assertThat(write.headers().firstValue("X-Stand-In")).hasValue("command");

        HttpResponse<String> insecure = send("POST", "http://127.0.0.1:" + redirectPort + "/api/requests?x=1");
        assertThat(insecure.statusCode()).isEqualTo(308);
        assertThat(insecure.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + httpsPort + "/api/requests?x=1");
    }

    @Test
    void behindHttpsTheRealPagesSendTheBrowserToTheHttpsLoginForm() throws Exception {
        SystemUnderTest system = SystemUnderTest.get();
        int port = SystemUnderTest.anyFreePort();
        try (SingleAddress real = SingleAddress.start(DIR.resolve("real-tls"), hostPort(system.commandUrl), hostPort(system.queryUrl),
                List.of("127.0.0.1:" + SystemUnderTest.anyFreePort()), tlsSettings(port))) {
            HttpResponse<String> board = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/board"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(board.statusCode()).isEqualTo(302);
            assertThat(board.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + port + "/login");
            HttpResponse<String> login = send("GET", "https://127.0.0.1:" + port + "/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("依申请公开案件管理");
        }
    }

    private static String hostPort(String url) {
        URI uri = URI.create(url);
        return "127.0.0.1:" + uri.getPort();
    }

    private static Map<String, String> tlsSettings(int httpsPort) {
        return Map.of("TRACKER_TLS_CERT", DIR.resolve("cert.pem").toString(), "TRACKER_TLS_KEY", DIR.resolve("key.pem").toString(),
                "TRACKER_TLS_LISTEN", "127.0.0.1:" + httpsPort);
    }

    private static HttpResponse<String> send(String method, String url) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return client.send(HttpRequest.newBuilder(URI.create(url)).method(method, body).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Answers 200 to anything, saying which side it stands in for and the forwarded headers it was given. */
    private static HttpServer standIn(String side) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            var headers = exchange.getResponseHeaders();
            headers.add("X-Stand-In", side);
            headers.add("X-Seen-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
            headers.add("X-Seen-Proto", String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")));
            headers.add("X-Seen-For", String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            byte[] text = side.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, head ? -1 : text.length);
            if (!head) {
                exchange.getResponseBody().write(text);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void makeCertificate() throws Exception {
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", DIR.resolve("key.pem").toString(), "-out", DIR.resolve("cert.pem").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("single-address", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String awaitLogLine(Path log, String containing) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.contains(containing)) {
                        return line;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line with " + containing + " in " + log);
    }
}
