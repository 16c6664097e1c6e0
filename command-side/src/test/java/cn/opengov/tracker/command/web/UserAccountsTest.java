package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md's user endpoints (disable, enable, password) and issue 11: a change holds from the next request on —
 * though the password was remembered a moment before —, passwords over BCrypt's 72 bytes are refused, and every
 * creation and change of users and agencies is recorded with who and when.
 */
class UserAccountsTest extends CommandSideTest {

    /** An authenticated call that records nothing: 400 when the user is let in, 401 when not. */
    private static int knock(ApiClient client) {
        return client.post("/api/requests", Map.of()).status();
    }

    @Test
    void aDisabledUserIsRefusedAtOnceAndLetInAgainWhenEnabled() {
        String agency = newAgency(null);
        String name = newUserNamed("STAFF", agency);
        ApiClient user = as(name, PASSWORD);
        assertThat(knock(user)).as("logged in, and the password remembered").isEqualTo(400);

        ApiClient.Response disabled = admin().post("/api/users/" + name + "/disable", Map.of());
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean(true)).isFalse();
        ApiClient.Response refused = user.post("/api/requests", Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("停用");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE username = ? AND reason = 'DISABLED'",
                Long.class, name)).isPositive();

        assertThat(admin().post("/api/users/" + name + "/enable", Map.of()).status()).isEqualTo(200);
        assertThat(knock(user)).isEqualTo(400);
    }

    @Test
    void administratorsManageTheUsersOfTheirOwnTreeOnly() {
        String county = newAgency(null);
        String other = newAgency(null);
        String countyAdmin = newUserNamed("ADMIN", county);
        String stranger = newUserNamed("STAFF", other);
        ApiClient admin = as(countyAdmin, PASSWORD);
        assertThat(admin.post("/api/users/" + stranger + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/users/" + stranger + "/password", Map.of("password", "neues-passwort")).status()).isEqualTo(403);
        assertThat(admin.post("/api/users/no-such-user/disable", Map.of()).status()).isEqualTo(404);
        assertThat(admin.post("/api/users/" + countyAdmin + "/disable", Map.of()).status()).as("not oneself").isEqualTo(409);
        assertThat(knock(as(stranger, PASSWORD))).isEqualTo(400);
    }

    @Test
    void aResetPasswordEndsTheOldOneAtOnce() {
        String name = newUserNamed("STAFF", newAgency(null));
        assertThat(knock(as(name, PASSWORD))).isEqualTo(400);
        ApiClient.Response reset = admin().post("/api/users/" + name + "/password", Map.of("password", "neues-passwort-1"));
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        assertThat(knock(as(name, PASSWORD))).as("the old password, remembered a moment ago").isEqualTo(401);
        assertThat(knock(as(name, "neues-passwort-1"))).isEqualTo(400);
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() {
        String agency = newAgency(null);
        String name = newUserNamed("STAFF", agency);
        String colleague = newUserNamed("STAFF", agency);
        ApiClient user = as(name, PASSWORD);
        ApiClient.Response without = user.post("/api/users/" + name + "/password", Map.of("password", "mein-neues-1"));
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.json().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
        ApiClient.Response wrong = user.post("/api/users/" + name + "/password",
                Map.of("password", "mein-neues-1", "currentPassword", "falsch-falsch"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
        assertThat(user.post("/api/users/" + colleague + "/password", Map.of("password", "mein-neues-1")).status())
                .as("someone else's").isEqualTo(403);

        ApiClient.Response changed = user.post("/api/users/" + name + "/password",
                Map.of("password", "mein-neues-1", "currentPassword", PASSWORD));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(knock(user)).isEqualTo(401);
        assertThat(knock(as(name, "mein-neues-1"))).isEqualTo(400);
        assertThat(knock(as(colleague, PASSWORD))).isEqualTo(400);
    }

    @Test
    void aPasswordOver72BytesIsRefusedAndNeverLetsAnyoneIn() {
        String agency = newAgency(null);
        String seventyTwo = "密".repeat(24);
        String seventyFive = "密".repeat(25);
        for (String tooLong : List.of(seventyFive, "a".repeat(73))) {
            ApiClient.Response r = admin().post("/api/users", Map.of("username", "long-" + tooLong.length(), "password", tooLong,
                    "role", "STAFF", "agencyCode", agency));
            assertThat(r.status()).as(r.text()).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("password");
        }
        String name = "bytes-" + agency.toLowerCase();
        assertThat(admin().post("/api/users", Map.of("username", name, "password", seventyTwo, "role", "STAFF",
                "agencyCode", agency)).status()).isEqualTo(201);
        assertThat(knock(as(name, seventyTwo))).isEqualTo(400);
        assertThat(knock(as(name, seventyTwo + "x"))).as("BCrypt would ignore the 73rd byte").isEqualTo(401);
        assertThat(knock(as(name, seventyTwo + "任何后缀"))).isEqualTo(401);
        ApiClient.Response reset = admin().post("/api/users/" + name + "/password", Map.of("password", seventyFive));
        assertThat(reset.status()).isEqualTo(400);
        assertThat(knock(as(name, seventyTwo))).isEqualTo(400);
    }

    @Test
    void everyCreationAndChangeIsRecordedWithWhoAndWhen() {
        String county = newAgency(null);
        String department = newAgency(county);
        String elsewhere = newAgency(null);
        String staff = newUserNamed("STAFF", department);
        String countyAdmin = newUserNamed("ADMIN", county);
        admin().post("/api/users/" + staff + "/disable", Map.of());
        as(countyAdmin, PASSWORD).post("/api/users/" + staff + "/enable", Map.of());
        as(countyAdmin, PASSWORD).post("/api/users/" + staff + "/password", Map.of("password", "zurueckgesetzt"));

        List<String> all = entries(admin().get("/api/admin/audit?limit=1000"));
        assertThat(all).contains("admin AGENCY_CREATED " + county, "admin AGENCY_CREATED " + department,
                "admin USER_CREATED " + staff, "admin USER_DISABLED " + staff, countyAdmin + " USER_ENABLED " + staff,
                countyAdmin + " PASSWORD_RESET " + staff, "admin AGENCY_CREATED " + elsewhere);
        List<String> theirs = entries(as(countyAdmin, PASSWORD).get("/api/admin/audit?limit=1000"));
        assertThat(theirs).contains("admin USER_DISABLED " + staff, "admin AGENCY_CREATED " + department)
                .doesNotContain("admin AGENCY_CREATED " + elsewhere);
        assertThat(as(staff, "zurueckgesetzt").get("/api/admin/audit").status()).isEqualTo(403);
        JsonNode first = admin().get("/api/admin/audit?limit=1").json().path("items").get(0);
        assertThat(first.path("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    private static List<String> entries(ApiClient.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("items").forEach(e -> out.add(e.path("actor").asText() + " " + e.path("action").asText() + " "
                + e.path("subject").asText()));
        return out;
    }
}
