package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4 year close, through HTTP, judged by the events recorded (the tests run as of 2026-06-15). */
class YearCloseTest extends CommandSideTest {

    private List<Integer> carriedFrom(UUID id) {
        return jdbc.queryForList("SELECT unnest(carried_from) FROM request_index WHERE request_id = ? ORDER BY 1", Integer.class, id);
    }

    private ApiClient.Response close(String agency, int year) {
        return admin().post("/api/years/" + year + "/close", Map.of("agencyCode", agency));
    }

    @Test
    void closingCarriesWhatWasOpenOnThe31stJudgedByDatesAndRunningAgainChangesNothing() {
        String agency = newAgency(null);
        UUID answeredInYear = log(admin(), agency, "2024-03-01");
        answer(answeredInYear, "2024-03-20", "DISCLOSED");
        UUID answeredInJanuary = log(admin(), agency, "2024-12-20");
        answer(answeredInJanuary, "2025-01-05", "DISCLOSED");
        UUID stillOpen = log(admin(), agency, "2024-11-01");

        ApiClient.Response first = close(agency, 2024);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("carriedOver").asInt()).isEqualTo(2);
        assertThat(carriedFrom(answeredInYear)).isEmpty();
        assertThat(carriedFrom(answeredInJanuary)).containsExactly(2024);
        assertThat(carriedFrom(stillOpen)).containsExactly(2024);

        assertThat(close(agency, 2024).json().path("carriedOver").asInt()).as("idempotent").isZero();
        assertThat(eventsOf(stillOpen, "RequestCarriedOver")).isEqualTo(1);
    }

    @Test
    void aLateEntryIsCarriedAtOnceAndAnAnswerDatedInTheClosedYearTakesItBack() {
        String agency = newAgency(null);
        assertThat(close(agency, 2024).status()).isEqualTo(200);
        UUID late = log(admin(), agency, "2024-06-01");
        assertThat(carriedFrom(late)).containsExactly(2024);
        answer(late, "2024-07-01", "UNABLE_NOT_HELD");
        assertThat(carriedFrom(late)).isEmpty();
        assertThat(eventsOf(late, "CarryOverRevoked")).isEqualTo(1);
    }

    @Test
    void closingIsCumulativeAndAllowedOnlyOnceTheYearIsOver() {
        String agency = newAgency(null);
        UUID open = log(admin(), agency, "2024-11-01");
        assertThat(close(agency, 2025).json().path("carriedOver").asInt()).isEqualTo(2);
        assertThat(carriedFrom(open)).containsExactly(2024, 2025);
        ApiClient.Response notOver = close(agency, 2026);
        assertThat(notOver.status()).isEqualTo(409);
        assertThat(notOver.json().path("code").asText()).isEqualTo("YEAR_NOT_OVER");
    }

    @Test
    void movingTheReceiptOutOfAClosedYearTakesTheCarryOverBack() {
        String agency = newAgency(null);
        UUID id = log(admin(), agency, "2025-12-30");
        close(agency, 2025);
        assertThat(carriedFrom(id)).containsExactly(2025);
        ApiClient.Response r = admin().post("/api/requests/" + id + "/receipt-date-correction",
                Map.of("receivedOn", "2026-01-05", "reason", "登记时日期填错"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(carriedFrom(id)).isEmpty();
    }

    @Test
    void publishingFreezesABalancedTableWithWhoAndWhen() throws Exception {
        String agency = newAgency(null);
        UUID a = log(admin(), agency, "2025-03-01");
        answer(a, "2025-03-10", "DISCLOSED");
        log(admin(), agency, "2025-12-01");
        ApiClient.Response r = admin().post("/api/years/2025/publish", Map.of("agencyCode", agency));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("balanced").asBoolean()).isTrue();
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%AnnualReportPublished'", String.class, agency);
        JsonNode rows = new ObjectMapper().readTree(payload).path("table").path("rows");
        assertThat(rows.path("NEW_RECEIVED").path("NATURAL_PERSON").asInt()).isEqualTo(2);
        assertThat(rows.path("DISCLOSED").path("TOTAL").asInt()).isEqualTo(1);
        assertThat(rows.path("CARRIED_TO_NEXT").path("TOTAL").asInt()).isEqualTo(1);
        String meta = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%AnnualReportPublished'", String.class, agency);
        assertThat(meta).contains("\"recordedBy\":\"admin\"");
    }
}
