package cn.opengov.tracker.command.web;

import cn.opengov.tracker.api.report.CaseFacts;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.command.lookup.RequestIndex;
import cn.opengov.tracker.command.request.policy.CarryOverPolicy;
import cn.opengov.tracker.platform.testing.RandomLifecycles;
import cn.opengov.tracker.platform.testing.RandomLifecycles.Lifecycle;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's lookups restate two definitions in SQL: the request's fold (LookupProjection's updates) and
 * which requests a year close must still carry (RequestIndex.carryOverCandidates). On random lifecycles both agree
 * with the Java definitions: {@link RequestState} and {@link CarryOverPolicy}.
 */
class LookupDefinitionsTest extends CommandSideTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    RequestIndex index;

    @Test
    void theLookupsHoldWhatTheFoldSays() {
        String agency = "L" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        List<Lifecycle> lifecycles = new RandomLifecycles(11).next(150, List.of(agency), 2023);
        lifecycles.forEach(this::record);

        Set<RequestFacts> expected = lifecycles.stream().map(l -> fold(l).facts()).collect(Collectors.toSet());
        assertThat(new HashSet<>(index.factsForYear(List.of(agency), 2024))).containsAll(
                expected.stream().filter(f -> !f.receivedOn().isAfter(LocalDate.of(2024, 12, 31))
                        && (f.answeredOn() == null || !f.answeredOn().isBefore(LocalDate.of(2023, 1, 1)))).toList());
        for (Lifecycle l : lifecycles) {
            RequestState state = fold(l);
            Map<String, Object> row = jdbc.queryForMap("SELECT agency_code, applicant_type, received_on, answered_on, outcome, "
                    + "carried_from FROM request_index WHERE request_id = ?", l.requestId());
            assertThat(row.get("applicant_type")).isEqualTo(state.applicantType().name());
            assertThat(((java.sql.Date) row.get("received_on")).toLocalDate()).isEqualTo(state.receivedOn());
            assertThat(row.get("answered_on") == null ? null : ((java.sql.Date) row.get("answered_on")).toLocalDate())
                    .isEqualTo(state.answeredOn());
            assertThat(row.get("outcome")).isEqualTo(state.outcome() == null ? null : state.outcome().name());
            Map<String, Object> applicant = jdbc.queryForMap("SELECT applicant_name, applicant_id_number FROM request_index "
                    + "WHERE request_id = ?", l.requestId());
            assertThat(applicant.get("applicant_name")).as("109号's count by applicant").isEqualTo(state.applicant().name());
            assertThat(applicant.get("applicant_id_number")).isEqualTo(state.applicant().idNumber());
            assertThat(jdbc.queryForList("SELECT unnest(carried_from) FROM request_index WHERE request_id = ? ORDER BY 1",
                    Integer.class, l.requestId())).isEqualTo(state.carriedFrom());
            List<CaseFacts> cases = jdbc.query("SELECT agency_code, kind, filed_on, decided_on, result FROM case_index "
                            + "WHERE request_id = ?", (rs, i) -> new CaseFacts(rs.getString(1), CaseKind.valueOf(rs.getString(2)),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                            rs.getString(5) == null ? null : CaseResult.valueOf(rs.getString(5))), l.requestId());
            assertThat(cases).containsExactlyInAnyOrderElementsOf(state.cases().stream()
                    .map(c -> new CaseFacts(agency, c.kind(), c.filedOn(), c.decidedOn(), c.result())).toList());
        }
    }

    @Test
    void theCarryOverCandidatesAreTheRequestsAYearCloseWouldCarry() {
        for (Integer closedThrough : new Integer[] {null, 2022, 2024}) {
            String agency = "L" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
            List<Lifecycle> lifecycles = new RandomLifecycles(13 + (closedThrough == null ? 0 : closedThrough))
                    .next(150, List.of(agency), closedThrough);
            lifecycles.forEach(this::record);
            for (int year = 2021; year <= 2025; year++) {
                int through = year;
                List<UUID> expected = lifecycles.stream().map(this::fold)
                        .filter(s -> !CarryOverPolicy.reconcile(s, through).carry().isEmpty())
                        .sorted(Comparator.comparing(RequestState::receivedOn).thenComparing(s -> s.requestId().toString()))
                        .map(RequestState::requestId).toList();
                assertThat(index.carryOverCandidates(agency, year)).as("closed through " + closedThrough + ", closing " + year)
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * V20 fills the applicant of the rows logged before it from their RequestReceived events, in SQL: it must come to
     * what LookupProjection writes.
     */
    @Test
    void theMigrationTakesTheApplicantFromTheEvents() throws Exception {
        String agency = "L" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        List<Lifecycle> lifecycles = new RandomLifecycles(20).next(40, List.of(agency), null);
        lifecycles.forEach(this::record);
        UUID withId = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("InformationRequest", withId.toString(), 0,
                new RequestReceived(withId, agency + "-2025-9999", agency, LocalDate.of(2025, 3, 3), Channel.ONLINE,
                        new Applicant(ApplicantType.NATURAL_PERSON, "张三", "11010519491231002X", null, null, null), "申请"),
                MetaData.with("recordedBy", "tester")));
        String sql;
        try (var in = getClass().getResourceAsStream("/db/command/V20__request_index_applicant.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String update = sql.substring(sql.indexOf("UPDATE request_index"));
        List<Map<String, Object>> written = jdbc.queryForList("SELECT request_id, applicant_name, applicant_id_number "
                + "FROM request_index WHERE agency_code = ? ORDER BY request_id", agency);
        jdbc.update("UPDATE request_index SET applicant_name = NULL, applicant_id_number = NULL WHERE agency_code = ?", agency);
        jdbc.update(update.replace("WHERE e.aggregate_identifier = r.request_id::text", "WHERE e.aggregate_identifier = r.request_id::text AND r.agency_code = ?"), agency);
        assertThat(jdbc.queryForList("SELECT request_id, applicant_name, applicant_id_number FROM request_index "
                + "WHERE agency_code = ? ORDER BY request_id", agency)).isEqualTo(written);
        assertThat(written).anySatisfy(row -> assertThat(row.get("applicant_id_number")).isEqualTo("11010519491231002X"));
    }

    private void record(Lifecycle l) {
        long sequence = 0;
        for (RequestEvent event : l.events()) {
            eventStore.publish(new GenericDomainEventMessage<>("InformationRequest", l.requestId().toString(), sequence++,
                    event, MetaData.with("recordedBy", "tester")));
        }
    }

    private RequestState fold(Lifecycle l) {
        RequestState state = null;
        for (RequestEvent event : l.events()) {
            state = RequestState.next(state, event);
        }
        return state;
    }
}
