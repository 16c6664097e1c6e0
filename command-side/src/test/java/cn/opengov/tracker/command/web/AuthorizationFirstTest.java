package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.platform.testing.Endpoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md: authorization comes before validation. Every endpoint that names its roles is called by a user outside
 * them with a body that could never pass validation, and answers 403 — walked from the running application, so a
 * new endpoint is checked too.
 */
class AuthorizationFirstTest extends CommandSideTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private static final Map<String, Object> INVALID = Map.of("password", "p");

    @Test
    void aStaffUserPostingAShortPasswordToUsersIsForbiddenNotInvalid() {
        ApiClient.Response r = as("staff", "staff").post("/api/users", INVALID);
        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void everyGuardedEndpointRefusesAStaffUserWhateverTheBody() {
        List<Endpoints.Guarded> guarded = Endpoints.guarded(mapping);
        assertThat(guarded).as("the endpoints with a role check").hasSizeGreaterThanOrEqualTo(10);
        ApiClient staff = as("staff", "staff");
        for (Endpoints.Guarded endpoint : guarded) {
            assertThat(call(staff, endpoint).status()).as(endpoint.toString()).isEqualTo(403);
            assertThat(call(staff, endpoint, "{\"password\":\u0000").status()).as(endpoint + " with broken JSON").isEqualTo(403);
        }
    }

    @Test
    void systemWideActionsRefuseAnAdministratorOfASubAgency() {
        String county = newAgency(null);
        ApiClient countyAdmin = as(newUserNamed("ADMIN", county), PASSWORD);
        List<Endpoints.Guarded> systemWide = Endpoints.guarded(mapping).stream().filter(Endpoints.Guarded::systemWide).toList();
        assertThat(systemWide).extracting(Endpoints.Guarded::path).contains("/api/admin/calendar/2025");
        for (Endpoints.Guarded endpoint : systemWide) {
            ApiClient.Response r = call(countyAdmin, endpoint);
            assertThat(r.status()).as(endpoint.toString()).isEqualTo(403);
            assertThat(r.json().path("detail").asText()).contains("顶级机关");
        }
    }

    private static ApiClient.Response call(ApiClient client, Endpoints.Guarded endpoint) {
        return switch (endpoint.method()) {
            case "GET" -> client.get(endpoint.path());
            case "PUT" -> client.put(endpoint.path(), INVALID);
            default -> client.post(endpoint.path(), INVALID);
        };
    }

    private static ApiClient.Response call(ApiClient client, Endpoints.Guarded endpoint, String body) {
        return switch (endpoint.method()) {
            case "GET" -> client.get(endpoint.path() + "?limit=%00");
            case "PUT" -> client.put(endpoint.path(), body);
            default -> client.post(endpoint.path(), body);
        };
    }
}
