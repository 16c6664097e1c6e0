package cn.opengov.tracker.query;

import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.platform.testing.Endpoints;
import cn.opengov.tracker.platform.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 on the query side: roles before input, system-wide actions for the top agency's administrators, no
 * session for an anonymous call, and a disabled user refused at once (HTTP Basic and a page's session alike).
 */
class QueryDoorsTest extends QuerySideTest {

    private static final String PASSWORD = "geheim-123";

    @Autowired
    UserDirectory users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private String newUser(Role role, String agency) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, PASSWORD, role, agency, "test");
        return name;
    }

    private ApiClient as(String user) {
        return ApiClient.at("http://localhost:" + port).as(user, PASSWORD);
    }

    @Test
    void everyGuardedEndpointRefusesAStaffUserAndTheRebuildACountyAdministrator() {
        List<Endpoints.Guarded> guarded = Endpoints.guarded(mapping);
        assertThat(guarded).extracting(Endpoints.Guarded::path).contains("/api/admin/projections/rebuild");
        ApiClient staff = ApiClient.at("http://localhost:" + port).as("staff", "staff");
        for (Endpoints.Guarded endpoint : guarded) {
            ApiClient.Response r = switch (endpoint.method()) {
                case "GET" -> staff.get(endpoint.path());
                case "PUT" -> staff.put(endpoint.path(), "{\"x\":");
                case "DELETE" -> staff.delete(endpoint.path());
                default -> staff.post(endpoint.path(), "{\"x\":");
            };
            assertThat(r.status()).as(endpoint.toString()).isEqualTo(403);
        }
        ApiClient countyAdmin = as(newUser(Role.ADMIN, newAgency(null)));
        List<Endpoints.Guarded> systemWide = guarded.stream().filter(Endpoints.Guarded::systemWide).toList();
        // the rebuild, and the retry of dead letters (which may belong to any agency)
        assertThat(systemWide).extracting(Endpoints.Guarded::path).map(p -> p.replaceAll("[0-9a-f-]{36}", "{id}"))
                .containsExactlyInAnyOrder("/api/admin/projections/rebuild", "/api/admin/projections/dead-letters/retry",
                        "/api/admin/projections/dead-letters/{id}/retry");
        for (Endpoints.Guarded endpoint : systemWide) {
            ApiClient.Response r = countyAdmin.post(endpoint.path(), Map.of());
            assertThat(r.status()).as(endpoint.toString()).isEqualTo(403);
            assertThat(r.json().path("detail").asText()).contains("顶级机关");
        }
        assertThat(countyAdmin.get("/api/admin/projections/status").status()).isEqualTo(200);
    }

    @Test
    void aSearchWithANulIsABadRequestNamingTheParameter() {
        ApiClient.Response r = admin().get("/api/requests?q=a%00b");
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("q");
        assertThat(admin().get("/api/requests?q=%E5%BC%A0%09").status()).isEqualTo(200);
    }

    @Test
    void anAnonymousApiCallStartsNoSession() {
        long before = jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
        for (int i = 0; i < 10; i++) {
            // as curl asks: no Accept header, or */* (a JSON Accept happened not to be remembered for a login)
            for (String head : List.of("GET /api/requests HTTP/1.1\r\nHost: localhost",
                    "GET /api/reports/2025/matrix?agencyCode=ROOT HTTP/1.1\r\nHost: localhost\r\nAccept: */*")) {
                RawHttp.Answer r = RawHttp.send(port, head);
                assertThat(r.status()).as(head).isEqualTo(401);
                assertThat(r.headers()).as(head).doesNotContainKey("set-cookie");
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class)).isEqualTo(before);
    }

    @Test
    void actuatorBeyondHealthIsForAdministrators() {
        assertThat(ApiClient.at("http://localhost:" + port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(ApiClient.at("http://localhost:" + port).as("staff", "staff").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(admin().get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void aUserDisabledOnAnotherNodeIsRefusedAtOnceWithHttpBasic() {
        String name = newUser(Role.STAFF, newAgency(null));
        assertThat(as(name).get("/api/requests").status()).isEqualTo(200);
        users.setEnabled(name, false, "admin");
        assertThat(as(name).get("/api/requests").status()).isEqualTo(401);
        users.setEnabled(name, true, "admin");
        assertThat(as(name).get("/api/requests").status()).isEqualTo(200);
        users.setPassword(name, "ganz-neues-passwort", "admin");
        assertThat(as(name).get("/api/requests").status()).as("the old password").isEqualTo(401);
    }

    @Test
    void aPageSessionEndsAtOnceWhenItsUserIsDisabled() throws Exception {
        String name = newUser(Role.STAFF, newAgency(null));
        Browser browser = new Browser("http://localhost:" + port);
        browser.logIn(name, PASSWORD);
        assertThat(browser.get("/api/requests").statusCode()).isEqualTo(200);
        assertThat(browser.get("/board").statusCode()).isEqualTo(200);
        users.setEnabled(name, false, "admin");
        assertThat(browser.get("/api/requests").statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.get("/board");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
        users.setEnabled(name, true, "admin");
        assertThat(browser.get("/api/requests").statusCode()).as("the session ended for good").isIn(302, 401);
    }

    /** A browser's login on the pages: the form with its CSRF token, then the session cookie. */
    private static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(String base) {
            this.base = base;
        }

        void logIn(String user, String password) throws IOException, InterruptedException {
            String form = get("/login").body();
            Matcher token = CSRF.matcher(form);
            assertThat(token.find()).as("the login form's CSRF token").isTrue();
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
