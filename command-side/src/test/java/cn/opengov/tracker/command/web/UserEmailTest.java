package cn.opengov.tracker.command.web;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a user's reminders go (期限提醒): set by an administrator or by the user, checked as an address. */
class UserEmailTest extends CommandSideTest {

    @Test
    void anAdministratorOrTheUserSetsTheAddressAndNobodyElse() {
        String agency = newAgency(null);
        String clerk = newUserNamed("STAFF", agency);
        String other = newUserNamed("STAFF", agency);

        assertThat(admin().post("/api/users/" + clerk + "/email", Map.of("email", "clerk@example.gov.cn")).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = ?", String.class, clerk))
                .isEqualTo("clerk@example.gov.cn");
        assertThat(as(clerk, PASSWORD).post("/api/users/" + clerk + "/email", Map.of("email", "mine@example.gov.cn")).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = ?", String.class, clerk))
                .isEqualTo("mine@example.gov.cn");
        assertThat(as(other, PASSWORD).post("/api/users/" + clerk + "/email", Map.of("email", "x@example.gov.cn")).status())
                .isEqualTo(403);
        assertThat(admin().post("/api/users/" + clerk + "/email", Map.of("email", "not an address")).status()).isEqualTo(400);
        Map<String, Object> none = new HashMap<>();
        none.put("email", null);
        assertThat(as(clerk, PASSWORD).post("/api/users/" + clerk + "/email", none).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = ?", String.class, clerk)).isNull();
        assertThat(admin().post("/api/users/nobody-" + agency + "/email", Map.of("email", "a@b.cn")).status()).isEqualTo(404);
    }
}
