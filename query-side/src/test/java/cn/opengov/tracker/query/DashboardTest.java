package cn.opengov.tracker.query;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisors' dashboard (issue 16) on random data: its figures equal SQL over the events themselves (the dates of
 * RequestReceived, CorrectionReceived and RequestAnswered as recorded), with the working days counted by the calendar.
 */
class DashboardTest extends QuerySideTest {

    @Autowired
    CalendarStore calendars;

    private static final OutcomeCategory[] SIMPLE = {OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED,
            OutcomeCategory.UNABLE_NOT_HELD, OutcomeCategory.WITHHELD_THIRD_PARTY_RIGHTS, OutcomeCategory.OTHER};

    @Test
    void theFiguresEqualSqlOverTheEventsForRandomData() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String county = newAgency(null);
        String deptA = newAgency(county);
        String deptB = newAgency(county);
        String deptB1 = newAgency(deptB);
        List<String> all = List.of(county, deptA, deptB, deptB1);
        for (int i = 0; i < 150; i++) {
            String agency = all.get(random.nextInt(all.size()));
            LocalDate received = LocalDate.of(2024, 1, 2).plusDays(random.nextInt(700));
            UUID id = received(agency, received.toString(), ApplicantType.NATURAL_PERSON);
            LocalDate start = received;
            if (random.nextInt(6) == 0) {
                LocalDate notice = received.plusDays(3);
                start = notice.plusDays(1 + random.nextInt(10));
                append(id, new CorrectionRequested(id, notice, "请补正", notice.plusDays(15)), new CorrectionReceived(id, start));
            }
            if (random.nextInt(5) > 0) {
                LocalDate answer = start.plusDays(random.nextInt(45));
                if (answer.isBefore(LocalDate.of(2026, 1, 1))) {
                    answered(id, answer.toString(), SIMPLE[random.nextInt(SIMPLE.length)]);
                }
            }
        }
        ApiClient.Response r = get("/api/dashboard?agencyCode=" + county + "&year=2025");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode d = r.json();
        String why = "seed " + seed;

        // independently: the events' own dates, read by SQL
        String[] codes = all.toArray(String[]::new);
        List<Map<String, Object>> facts = jdbc.queryForList("""
                WITH e AS (SELECT aggregate_identifier AS id, payload_type AS type, convert_from(payload, 'UTF8')::jsonb AS p
                           FROM domain_event_entry WHERE aggregate_identifier IN (
                               SELECT aggregate_identifier FROM domain_event_entry
                               WHERE payload_type LIKE '%RequestReceived' AND convert_from(payload, 'UTF8')::jsonb ->> 'agencyCode' = ANY(?)))
                SELECT r.id, r.p ->> 'agencyCode' AS agency, (r.p ->> 'receivedOn')::date AS received,
                       (SELECT (c.p ->> 'receivedOn')::date FROM e c WHERE c.id = r.id AND c.type LIKE '%CorrectionReceived') AS corrected,
                       (SELECT (a.p ->> 'answeredOn')::date FROM e a WHERE a.id = r.id AND a.type LIKE '%RequestAnswered') AS answered
                FROM e r WHERE r.type LIKE '%RequestReceived'""", (Object) codes);
        assertThat(facts).hasSize(150);
        WorkingDayCalendar calendar = calendars.current();
        long[] months = new long[12];
        long[] monthsBefore = new long[12];
        Map<String, List<Integer>> daysByDept = new HashMap<>();
        Map<String, Long> lateByDept = new HashMap<>();
        List<Integer> allDays = new ArrayList<>();
        long late = 0;
        for (Map<String, Object> f : facts) {
            LocalDate received = ((java.sql.Date) f.get("received")).toLocalDate();
            if (received.getYear() == 2025) {
                months[received.getMonthValue() - 1]++;
            } else if (received.getYear() == 2024) {
                monthsBefore[received.getMonthValue() - 1]++;
            }
            if (f.get("answered") == null) {
                continue;
            }
            LocalDate answered = ((java.sql.Date) f.get("answered")).toLocalDate();
            if (answered.getYear() != 2025) {
                continue;
            }
            LocalDate start = f.get("corrected") == null ? received : ((java.sql.Date) f.get("corrected")).toLocalDate();
            int days = calendar.workingDaysBetween(start, answered);
            boolean isLate = answered.isAfter(calendar.plusWorkingDays(start, 20));
            String agency = (String) f.get("agency");
            String dept = agency.equals(deptB1) ? deptB : agency;
            allDays.add(days);
            daysByDept.computeIfAbsent(dept, k -> new ArrayList<>()).add(days);
            if (isLate) {
                late++;
                lateByDept.merge(dept, 1L, Long::sum);
            }
        }
        for (int m = 0; m < 12; m++) {
            assertThat(d.path("receivedByMonth").get(m).asLong()).as(why + " month " + (m + 1)).isEqualTo(months[m]);
            assertThat(d.path("receivedByMonthLastYear").get(m).asLong()).as(why + " 2024 month " + (m + 1)).isEqualTo(monthsBefore[m]);
        }
        JsonNode figures = d.path("figures");
        assertThat(figures.path("answered").asLong()).as(why).isEqualTo(allDays.size());
        assertThat(figures.path("medianWorkingDays").asInt()).as(why).isEqualTo(nearestRank(allDays, 0.5));
        assertThat(figures.path("p90WorkingDays").asInt()).as(why).isEqualTo(nearestRank(allDays, 0.9));
        assertThat(figures.path("late").asLong()).as(why).isEqualTo(late);
        assertThat(figures.path("overdueRate").asDouble()).as(why).isCloseTo((double) late / allDays.size(), org.assertj.core.data.Offset.offset(1e-9));
        long outcomes = 0;
        for (JsonNode o : d.path("outcomes")) {
            outcomes += o.path("count").asLong();
        }
        assertThat(outcomes).as(why + " outcomes are the year's answers").isEqualTo(allDays.size());

        JsonNode departments = d.path("departments");
        assertThat(departments).hasSize(3);
        for (JsonNode dep : departments) {
            String code = dep.path("agencyCode").asText();
            List<Integer> days = daysByDept.getOrDefault(code, List.of());
            assertThat(dep.path("figures").path("answered").asLong()).as(why + " " + code).isEqualTo(days.size());
            assertThat(dep.path("figures").path("late").asLong()).as(why + " " + code).isEqualTo(lateByDept.getOrDefault(code, 0L));
            if (!days.isEmpty()) {
                assertThat(dep.path("figures").path("p90WorkingDays").asInt()).as(why + " " + code).isEqualTo(nearestRank(days, 0.9));
            }
        }

        // rebuilt from the event store, the dashboard comes back the same
        assertThat(admin().post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        admin().awaitRebuilt(java.time.Duration.ofSeconds(120));
        assertThat(get("/api/dashboard?agencyCode=" + county + "&year=2025").json()).as(why).isEqualTo(d);

        ApiClient.Response staff = ApiClient.at("http://localhost:" + port).as("staff", "staff").get("/api/dashboard");
        assertThat(staff.status()).isEqualTo(403);
    }

    private static int nearestRank(List<Integer> values, double p) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
