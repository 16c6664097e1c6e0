package cn.opengov.tracker.command.web;

import cn.opengov.tracker.api.report.CaseFacts;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.event.RequestEvent;
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
